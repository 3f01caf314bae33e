using System.Reflection;
using Bench.Harness;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project Bench -- <suite>        runs a suite, ends with its JSON lines
// dotnet run -c Release --project Bench -- bdn [args]     runs the BenchmarkDotNet micro-benchmarks
var suites = typeof(Program).Assembly.GetTypes()
    .Where(t => typeof(IBenchSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name)
    .ToList();

if (args is [Bench.Remote.Distribution.ChildMode, var etcd, var prefix])
{
    return await Bench.Remote.Distribution.RunChildAsync(etcd, prefix);
}

if (args is [Bench.Remote.ClusterDistribution.ChildMode, var seedPort, var childPrefix])
{
    return await Bench.Remote.ClusterDistribution.RunChildAsync(seedPort, childPrefix);
}

if (args is [Bench.Fuzz.FuzzHost.ChildMode, var commandPort, var locationPort])
{
    return await Bench.Fuzz.FuzzHost.RunAsync(int.Parse(commandPort, System.Globalization.CultureInfo.InvariantCulture), int.Parse(locationPort, System.Globalization.CultureInfo.InvariantCulture));
}

if (args is [Bench.Remote.AkkaRemoteSubmit.ChildMode])
{
    return await Bench.Remote.AkkaRemoteSubmit.RunChildAsync();
}

if (args is ["bdn", ..])
{
    BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args[1..]);
    return 0;
}

var suite = args.Length == 1 ? suites.FirstOrDefault(s => s.Name == args[0]) : null;
if (suite is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project Bench -- <suite>");
    Console.Error.WriteLine($"suites: {string.Join(", ", suites.Select(s => s.Name))}, or 'bdn [BenchmarkDotNet arguments]'");
    return 2;
}

#if DEBUG
Console.Error.WriteLine("warning: a Debug build; figures are only meaningful with -c Release");
#endif
Console.Error.WriteLine($"suite {suite.Name} on {Environment.ProcessorCount} cores, .NET {Environment.Version}");
var report = new BenchReport(suite.Name);
await suite.RunAsync(report);
report.WriteJsonLines(Console.Out);
return 0;
