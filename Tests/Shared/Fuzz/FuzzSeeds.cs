using System.Text.Json;
using System.Text.Json.Nodes;

namespace Csw.Tests.Shared.Fuzz;

/// <summary>
/// Valid CSW JSON that the fuzzer mutates: command requests and stream requests for a command
/// endpoint, location requests and Track for a location server. CSW's contract samples in
/// <c>contract/</c> are added when the repository is found above the running program.
/// </summary>
internal sealed record FuzzSeeds(IReadOnlyList<string> Commands, IReadOnlyList<string> Streams, IReadOnlyList<string> Locations, IReadOnlyList<string> Tracks)
{
    private const string Setup = """{"_type":"Setup","source":"WFOS.fuzz","commandName":"move","maybeObsId":"2020A-001-123","paramSet":[{"IntKey":{"keyName":"position","values":[1,2],"units":"meter"}},{"StringKey":{"keyName":"name","values":["a"],"units":"NoUnits"}}]}""";
    private const string Connection = """{"prefix":"TCS.filter.wheel","componentType":"HCD","connectionType":"pekko"}""";

    /// <summary>The names a <c>_type</c> is swapped for: every request the servers know, and some they do not.</summary>
    public static readonly string[] TypeNames =
    [
        "Submit", "Validate", "Oneway", "Query", "QueryFinal", "SubscribeCurrentState", "GoOnline", "GoOffline",
        "ExecuteOperationsMode", "ExecuteDiagnosticMode", "Setup", "Observe", "Wait", "Register", "Unregister",
        "UnregisterAll", "Find", "Resolve", "ListEntries", "ListByComponentType", "ListByHostname",
        "ListByConnectionType", "ListByPrefix", "Track", "PekkoRegistration", "HttpRegistration", "TcpRegistration", "Launch", "",
    ];

    /// <summary>The built-in seeds, plus the contract samples when found.</summary>
    public static FuzzSeeds Load()
    {
        var controls = new List<string> { Setup, """{"_type":"Observe","source":"WFOS.fuzz","commandName":"expose","paramSet":[]}""" };
        var contract = FindContract();
        if (contract is not null)
        {
            foreach (var name in new[] { "setup_command.json", "setup_with_all_keys.json", "observe_command.json", "wait_command.json" })
            {
                var path = Path.Combine(contract, "params", name);
                if (File.Exists(path))
                {
                    controls.Add(JsonNode.Parse(File.ReadAllText(path))!.ToJsonString());
                }
            }
        }
        var commands = new List<string>();
        foreach (var control in controls)
        {
            commands.AddRange([$$"""{"_type":"Submit","controlCommand":{{control}}}""", $$"""{"_type":"Validate","controlCommand":{{control}}}""", $$"""{"_type":"Oneway","controlCommand":{{control}}}"""]);
        }
        commands.AddRange(["""{"_type":"Query","runId":"8b6c63c5-0000-4000-8000-000000000001"}""", """{"_type":"GoOnline"}""", """{"_type":"ExecuteDiagnosticMode","startTime":"2021-09-20T10:12:42.234Z","hint":"engineering"}"""]);
        var streams = new List<string>
        {
            """{"_type":"QueryFinal","runId":"8b6c63c5-0000-4000-8000-000000000001","timeoutInSeconds":1}""",
            """{"_type":"QueryFinal","runId":"r","timeoutInSeconds":0}""",
            """{"_type":"SubscribeCurrentState","names":["position"]}""",
            """{"_type":"SubscribeCurrentState","names":[]}""",
        };
        var locations = new List<string>
        {
            """{"_type":"Register","registration":{"_type":"PekkoRegistration","connection":""" + Connection + ""","actorRefURI":"some_path","metadata":{"key1":"value"}}}""",
            """{"_type":"Register","registration":{"_type":"HttpRegistration","connection":{"prefix":"TCS.filter.wheel","componentType":"HCD","connectionType":"http"},"port":2090,"path":"path123","networkType":{"_type":"Inside"},"metadata":{}}}""",
            $$"""{"_type":"Unregister","connection":{{Connection}}}""",
            $$"""{"_type":"Find","connection":{{Connection}}}""",
            $$"""{"_type":"Resolve","connection":{{Connection}},"within":"1 second"}""",
            """{"_type":"ListEntries"}""",
            """{"_type":"ListByComponentType","componentType":"HCD"}""",
            """{"_type":"ListByHostname","hostname":"127.0.0.1"}""",
            """{"_type":"ListByConnectionType","connectionType":"pekko"}""",
            """{"_type":"ListByPrefix","prefix":"TCS"}""",
        };
        if (contract is not null && File.Exists(Path.Combine(contract, "location", "testHttpContract.json")))
        {
            var requests = JsonNode.Parse(File.ReadAllText(Path.Combine(contract, "location", "testHttpContract.json")))!["requests"]!.AsObject();
            locations.AddRange(requests.SelectMany(kind => kind.Value!.AsArray()).Select(request => request!.ToJsonString()));
        }
        var tracks = new List<string> { $$"""{"_type":"Track","connection":{{Connection}}}""" };
        return new FuzzSeeds(commands, streams, locations, tracks);
    }

    private static string? FindContract()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var contract = Path.Combine(directory.FullName, "contract");
            if (File.Exists(Path.Combine(contract, "README.md")))
            {
                return contract;
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="json"/> parses as JSON (used to check seeds).</summary>
    public static bool IsJson(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
