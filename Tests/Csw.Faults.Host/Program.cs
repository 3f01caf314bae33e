using Csw.Command;
using Csw.Crm;
using Csw.Faults.Host;
using Csw.Framework;
using Csw.Params;

// dotnet Csw.Faults.Host.dll <data-dir or -> : runs a ReliabilityHcd with its command endpoint on a
// free loopback port, journaled under data-dir, prints "READY <port>" and runs until killed or stdin closes.
var dataDir = args is [var dir, ..] && dir != "-" ? dir : null;
var system = CswActorSystem.Create("faults");
var options = ComponentOptions.Default with
{
    Crm = CrmOptions.Default with { Journal = dataDir is null ? null : CrmJournal.InDataDirectory(dataDir, "faults") },
};
var hcd = Component.Spawn(system, new ComponentInfo(ReliabilityHcd.Prefix, ComponentType.HCD), context => new ReliabilityHcd(context), options);
// Commands wait while the component initializes (and its CRM recovers): answered once it is Running.
await CommandServiceFactory.Make(hcd).ValidateAsync(new Setup(ReliabilityHcd.Prefix, "ready"));
await using var endpoint = await CommandEndpoint.StartAsync(hcd);
Console.WriteLine($"READY {endpoint.Port}");
await Console.In.ReadToEndAsync();
await system.Terminate();
