using Csw.Params.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Csw.Params.Tests.Properties;

/// <summary>Random commands, parameters, states, responses and requests survive a trip through CSW JSON unchanged.</summary>
public sealed class RoundTripPropertyTests
{
    private static void RoundTrips<T>(Gen<T> gen, int count = 200)
        where T : notnull
        => Prop.ForAll(Arb.From(gen), value =>
            {
                var bytes = CswJson.ToUtf8Bytes(value);
                var back = CswJson.Deserialize<T>(bytes);
                // Equal objects, and stable bytes: encoding the decoded value gives the same JSON.
                var again = CswJson.ToUtf8Bytes(back);
                if (!back.Equals(value) || !again.AsSpan().SequenceEqual(bytes))
                {
                    throw new InvalidOperationException(
                        $"Round trip changed the value.\nvalue: {value}\njson:  {System.Text.Encoding.UTF8.GetString(bytes)}\nback:  {back}\njson:  {System.Text.Encoding.UTF8.GetString(again)}");
                }
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(count));

    private static void Holds<T>(Gen<T> gen, Func<T, bool> property) => Prop.ForAll(Arb.From(gen), (T value) =>
        {
            if (!property(value))
            {
                throw new InvalidOperationException($"Fails for {value}");
            }
        })
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Parameter_RandomOfEveryKeyType_RoundTrips() => RoundTrips(Generators.Parameter, 600);

    [Fact]
    public void Command_Random_RoundTrips() => RoundTrips(Generators.Command);

    [Fact]
    public void StateVariable_Random_RoundTrips() => RoundTrips(Generators.State);

    [Fact]
    public void CommandResponse_Random_RoundTrips() => RoundTrips(Generators.Response);

    [Fact]
    public void CommandServiceRequest_Random_RoundTrips() => RoundTrips(Generators.Request);

    [Fact]
    public void CommandServiceStreamRequest_Random_RoundTrips() => RoundTrips(Generators.StreamRequest);

    [Fact]
    public void Identifiers_Random_RoundTripThroughText()
    {
        Holds(Generators.Prefix, p => Prefix.Parse(p.ToString()) == p);
        Holds(Generators.ObsId, o => ObsId.Parse(o.ToString()) == o);
        Holds(Generators.UtcTime, t => UtcTime.Parse(t.ToString()) == t);
    }
}
