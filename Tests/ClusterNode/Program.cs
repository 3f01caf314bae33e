using Akka.Actor;
using Akka.Configuration;
using Csw.Location;
using Csw.Params;

// A cluster member for the process tests: dotnet ClusterNode.dll --port P [--seeds h:p,h:p] [--register A.b,A.c]
// Prints "up <address>" once a member, "registered" once its registrations are in, and
// "terminated" when its actor system ends (e.g. it was downed), then exits with 3.
var (port, seeds, prefixes) = (0, "", Array.Empty<string>());
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port": port = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--seeds": seeds = args[i + 1]; break;
        case "--register": prefixes = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

ClusterSettings settings;
try
{
    settings = ClusterSettings.Default.WithPort(port).WithSeeds(seeds);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
var config = ConfigurationFactory.ParseString("akka.loglevel = WARNING").WithFallback(settings.ToConfig());
var system = ActorSystem.Create(settings.SystemName, config);
var cluster = Akka.Cluster.Cluster.Get(system);
var up = new TaskCompletionSource();
cluster.RegisterOnMemberUp(up.SetResult);
var location = LocationServiceFactory.CreateCluster(system);
await up.Task;
Console.WriteLine($"up {cluster.SelfAddress}");
foreach (var prefix in prefixes)
{
    var connection = new PekkoConnection(new ComponentId(Prefix.Parse(prefix), ComponentType.HCD));
    await location.RegisterAsync(new PekkoRegistration(connection, new Uri($"{cluster.SelfAddress}/user/{prefix}")));
}
Console.WriteLine("registered");
await system.WhenTerminated;
Console.WriteLine("terminated");
return 3;
