namespace Csw.Params.Tests;

public sealed class CommandResponseTests
{
    private static readonly Id RunId = new("run");
    private static readonly CommandIssue Issue = new(CommandIssueKind.OtherIssue, "bad");

    public static TheoryData<CommandResponse, bool, bool, bool> Flags => new()
    {
        { new Accepted(RunId), true, true, false },
        { new Started(RunId), false, false, false },
        { new Completed(RunId), true, true, false },
        { new Invalid(RunId, Issue), true, false, true },
        { new Error(RunId, "boom"), true, false, true },
        { new Cancelled(RunId), true, false, true },
        { new Locked(RunId), true, false, true },
    };

    [Theory]
    [MemberData(nameof(Flags))]
    public void Flags_EachResponse_MatchCsw(CommandResponse response, bool isFinal, bool isPositive, bool isNegative)
    {
        Assert.Equal(isFinal, response.IsFinal);
        Assert.Equal(isPositive, response.IsPositive);
        Assert.Equal(isNegative, response.IsNegative);
        Assert.Equal(response.GetType().Name, response.TypeName);
    }

    [Fact]
    public void Groups_EachResponse_BelongsWhereCswPutsIt()
    {
        static string Groups(CommandResponse r) => string.Join(",",
            new[] { r is IValidateResponse ? "V" : "", r is ISubmitResponse ? "S" : "", r is IOnewayResponse ? "O" : "", r is IMatchingResponse ? "M" : "" }
                .Where(g => g.Length > 0));

        Assert.Equal("V,O", Groups(new Accepted(RunId)));
        Assert.Equal("S", Groups(new Started(RunId)));
        Assert.Equal("S,M", Groups(new Completed(RunId)));
        Assert.Equal("V,S,O,M", Groups(new Invalid(RunId, Issue)));
        Assert.Equal("S,M", Groups(new Error(RunId, "boom")));
        Assert.Equal("S", Groups(new Cancelled(RunId)));
        Assert.Equal("V,S,O,M", Groups(new Locked(RunId)));
    }

    [Fact]
    public void WithRunId_SubmitResponse_KeepsEverythingElse()
    {
        ISubmitResponse response = new Error(RunId, "boom");

        var moved = response.WithRunId(new Id("other"));

        Assert.Equal(new Error(new Id("other"), "boom"), moved);
    }

    [Fact]
    public void Completed_NoResult_HasEmptyResult()
    {
        Assert.Same(Result.Empty, new Completed(RunId).Result);
    }

    [Fact]
    public void CommandIssueKind_AllValues_AreCswsNineteen()
    {
        Assert.Equal(19, Enum.GetValues<CommandIssueKind>().Length);
        Assert.Equal("MissingKeyIssue(no repeat)", new CommandIssue(CommandIssueKind.MissingKeyIssue, "no repeat").ToString());
    }
}
