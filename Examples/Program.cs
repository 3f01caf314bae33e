using Akka.Actor;
using Csw.Command;
using Csw.Framework;
using Csw.Params;
using Examples;
using Examples.AsyncCommandPattern;
using Examples.SampleHcd;

// dotnet run --project Examples -- hcd | assembly | async
if (args is not ["hcd" or "assembly" or "async"])
{
    Console.Error.WriteLine("usage: dotnet run --project Examples -- hcd | assembly | async");
    return 2;
}
var system = CswActorSystem.Create("examples");
try
{
    return await RunAsync(args[0], system);
}
finally
{
    await system.Terminate();
}

static async Task<int> RunAsync(string example, ActorSystem system)
{
    var samples = SampleSystem.Start(system, FilterWheelHcd.DefaultStepTime);
    var client = Prefix.Parse("WFOS.client");
    var wheel = CommandServiceFactory.Make(samples.BlueWheel);
    Setup Move(int target) => new Setup(client, "move").Add(FilterWheelHcd.Target.Set(target));

    switch (example)
    {
        case "hcd":
            Console.WriteLine("move to 4, watching CurrentState:");
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (wheel.SubscribeCurrentState(OnState, [FilterWheelHcd.PositionState]))
            {
                var started = await wheel.SubmitAsync(Move(4));
                Console.WriteLine($"  submit -> {Show.Response(started)}");
                Console.WriteLine($"  final  -> {Show.Response(await wheel.QueryFinalAsync(started.RunId))}");
                await arrived.Task; // states and responses travel separately: the last state may come after the response
            }
            Console.WriteLine($"move to 9 -> {Show.Response(await wheel.SubmitAsync(Move(9)))}");
            var back = await wheel.SubmitAsync(Move(0));
            Console.WriteLine($"move to 0 -> {Show.Response(back)}");
            await Task.Delay(FilterWheelHcd.DefaultStepTime * 2.5);
            Console.WriteLine($"  two steps later, stop -> {Show.Response(await wheel.SubmitAsync(new Setup(client, "stop")))}");
            Console.WriteLine($"  the move -> {Show.Response(await wheel.QueryFinalAsync(back.RunId))}");
            samples.BlueWheel.Tell(new SupervisorMessage.GoOffline());
            Console.WriteLine($"offline, move to 2 -> {Show.Response(await wheel.SubmitAsync(Move(2)))}");
            break;

            void OnState(CurrentState state)
            {
                var (position, moving) = (state.Get(FilterWheelHcd.Position).Head, state.Get(FilterWheelHcd.Moving).Head);
                Console.WriteLine($"  position {position}{(moving ? ", moving" : "")}");
                if (position == 4 && !moving)
                {
                    arrived.TrySetResult();
                }
            }
        case "assembly":
            var assembly = CommandServiceFactory.Make(samples.Assembly);
            Setup Configure(int target) => new Setup(client, "configure").Add(FilterWheelHcd.Target.Set(target));
            Console.WriteLine($"configure 3 -> {Show.Response(await assembly.SubmitAndWaitAsync(Configure(3)))}");
            Console.WriteLine($"configure 9 -> {Show.Response(await assembly.SubmitAndWaitAsync(Configure(9)))}");
            samples.RedWheel.Tell(new SupervisorMessage.GoOffline());
            Console.WriteLine($"red wheel offline, configure 5 -> {Show.Response(await assembly.SubmitAndWaitAsync(Configure(5)))}");
            break;
        case "async":
            var store = new CommandResultStore();
            var reconciler = new FilterReconciler(wheel, store);
            var resource = new FilterResource("blue", desiredSlot: 5);
            var pass = 1;
            for (; !await reconciler.ReconcileAsync(resource); pass++)
            {
                Console.WriteLine($"pass {pass}: processing {resource.Processing}, observed {resource.ObservedSlot?.ToString() ?? "?"}");
                await Task.Delay(150); // a reconcile loop requeues the resource and comes back later
            }
            Console.WriteLine($"pass {pass}: settled at slot {resource.ObservedSlot}");
            break;
    }
    return 0;
}
