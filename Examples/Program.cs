using Csw.Actors;
using Csw.Command;
using Csw.Params;
using Examples;
using Examples.AsyncCommandPattern;
using Examples.SampleHcd;

// dotnet run --project Examples -- hcd | assembly | async
await using var system = ActorSystem.Create("examples");
var samples = SampleSystem.Start(system, TimeSpan.FromMilliseconds(100));
var client = Prefix.Parse("WFOS.client");
switch (args.FirstOrDefault())
{
    case "hcd":
        var wheel = CommandServiceFactory.Make(samples.BlueWheel);
        await using (wheel.SubscribeCurrentState(state => Console.WriteLine($"  position {state.Get(FilterWheelHcd.Position).Head}"), [FilterWheelHcd.PositionState]))
        {
            Console.WriteLine(await wheel.SubmitAndWaitAsync(new Setup(client, "move").Add(FilterWheelHcd.Target.Set(4))));
        }
        break;
    case "assembly":
        var assembly = CommandServiceFactory.Make(samples.Assembly);
        Console.WriteLine(await assembly.SubmitAndWaitAsync(new Setup(client, "configure").Add(FilterWheelHcd.Target.Set(3))));
        Console.WriteLine(await assembly.SubmitAndWaitAsync(new Setup(client, "configure").Add(FilterWheelHcd.Target.Set(9))));
        break;
    case "async":
        var store = new CommandResultStore();
        var reconciler = new FilterReconciler(CommandServiceFactory.Make(samples.BlueWheel), store);
        var resource = new FilterResource("blue", desiredSlot: 5);
        for (var pass = 1; !await reconciler.ReconcileAsync(resource); pass++)
        {
            Console.WriteLine($"pass {pass}: processing {resource.Processing}, observed {resource.ObservedSlot?.ToString() ?? "?"}");
            await Task.Delay(150);
        }
        Console.WriteLine($"settled at slot {resource.ObservedSlot}");
        break;
    default:
        Console.Error.WriteLine("usage: dotnet run --project Examples -- hcd | assembly | async");
        return 2;
}
return 0;
