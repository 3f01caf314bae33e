using Bench.Harness;

namespace Bench.Crm;

/// <summary>The CommandResponseManager and CurrentState pub/sub.</summary>
public sealed class CrmSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "crm";

    /// <inheritdoc />
    public async Task RunAsync(BenchReport report)
    {
        const int commands = 200_000, batch = 100;
        var crm = await Measure.MedianRateAsync(() => CrmCommands.CrmAsync(commands, batch));
        var crmBaseline = await Measure.MedianRateAsync(() => CrmCommands.DictionaryAsync(commands, batch));
        report.Add("crm_update_queryfinal", crm, "ops/s", crmBaseline);

        const int subscribers = 100, events = 20_000;
        var fanout = await Measure.MedianRateAsync(() => Fanout.PubSubAsync(subscribers, events));
        var fanoutBaseline = await Measure.MedianRateAsync(() => Fanout.ChannelsAsync(subscribers, events));
        report.Add("pubsub_fanout_100", fanout, "deliveries/s", fanoutBaseline);
    }
}
