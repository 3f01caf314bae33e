using System.Collections.Concurrent;
using Csw.Command.Internal.Http;
using Csw.Params;
using Csw.Params.Messages;

namespace Csw.Command.Tests.Internal.Http;

/// <summary>How the remote command service asks for a final response that may take longer than an endpoint waits at once.</summary>
public sealed class HttpCommandServiceTests
{
    [Fact]
    public async Task QueryFinalAsync_LongerThanOneTurn_AsksATurnAtATimeUntilTheFinalResponse()
    {
        var runId = new Id();
        var transport = new TurnsTransport(turnsBeforeFinal: 2);
        await using var service = new HttpCommandService(transport, CommandServiceOptions.Default, "test");

        Assert.Equal(new Completed(runId), await service.QueryFinalAsync(runId, TimeSpan.FromHours(2)));

        Assert.Equal(3, transport.Asked.Count);
        Assert.All(transport.Asked, timeout => Assert.Equal(HttpCommandService.QueryFinalTurn, timeout));
    }

    [Fact]
    public async Task QueryFinalAsync_ShorterThanOneTurn_AsksForItsOwnTimeout()
    {
        var transport = new TurnsTransport(turnsBeforeFinal: 0);
        await using var service = new HttpCommandService(transport, CommandServiceOptions.Default, "test");
        await service.QueryFinalAsync(new Id(), TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(transport.Asked));
    }

    [Fact]
    public async Task SubmitAsync_ConnectionBreaksTwice_SentAgainWithTheSameRequestId()
    {
        var transport = new FlakyTransport(failures: 2, deduplicates: true);
        await using var service = new HttpCommandService(transport, CommandServiceOptions.Default, "test");
        Assert.IsType<Completed>(await service.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "move")));
        Assert.Equal(3, transport.RequestIds.Count);
        Assert.Single(transport.RequestIds.Distinct());
        Assert.NotNull(transport.RequestIds.First());
    }

    [Fact]
    public async Task SubmitAsync_TwoSubmits_DifferentRequestIds()
    {
        var transport = new FlakyTransport(failures: 0, deduplicates: true);
        await using var service = new HttpCommandService(transport, CommandServiceOptions.Default, "test");
        await service.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "move"));
        await service.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "move"));
        Assert.Equal(2, transport.RequestIds.Distinct().Count());
    }

    [Fact]
    public async Task SubmitAsync_EndpointThatMayNotDeduplicate_NotSentAgain()
    {
        var transport = new FlakyTransport(failures: 1, deduplicates: false);
        await using var service = new HttpCommandService(transport, CommandServiceOptions.Default, "test");
        var e = await Assert.ThrowsAsync<CommandServiceException>(() => service.SubmitAsync(new Setup(Prefix.Parse("WFOS.client"), "move")));
        Assert.Equal("Unavailable", e.ErrorName);
        Assert.Single(transport.RequestIds);
    }

    [Fact]
    public async Task QueryAsync_InvalidIdNotAvailable_ThrowsUnknownCommand()
    {
        var transport = new FlakyTransport(failures: 0, deduplicates: true);
        await using var service = new HttpCommandService(transport, CommandServiceOptions.Default, "test");
        var e = await Assert.ThrowsAsync<Crm.UnknownCommandException>(() => service.QueryAsync(new Id("gone")));
        Assert.Equal("gone", e.RunId.Value);
    }

    /// <summary>Breaks the connection a number of times, then answers a Submit with Completed and a Query with "unknown".</summary>
    private sealed class FlakyTransport(int failures, bool deduplicates) : ICommandTransport
    {
        private int _failures = failures;

        public ConcurrentQueue<string?> RequestIds { get; } = new();

        public bool Deduplicates => deduplicates;

        public Task<ICommandResponse> RequestAsync(CommandServiceRequest request, string? requestId, TimeSpan timeout, CancellationToken cancellationToken)
        {
            RequestIds.Enqueue(requestId);
            if (Interlocked.Decrement(ref _failures) >= 0)
            {
                return Task.FromException<ICommandResponse>(new ConnectionLostException("dropped"));
            }
            return Task.FromResult<ICommandResponse>(request is Query query
                ? new Invalid(query.RunId, new CommandIssue(CommandIssueKind.IdNotAvailableIssue, "not known"))
                : new Completed(new Id()));
        }

        public Task<ISubmitResponse> QueryFinalAsync(QueryFinal request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StateStream> SubscribeAsync(SubscribeCurrentState request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Answers each QueryFinal with the endpoint's timeout error, until the last turn.</summary>
    private sealed class TurnsTransport(int turnsBeforeFinal) : ICommandTransport
    {
        public ConcurrentQueue<TimeSpan> Asked { get; } = new();

        public bool Deduplicates => true;

        public Task<ICommandResponse> RequestAsync(CommandServiceRequest request, string? requestId, TimeSpan timeout, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ISubmitResponse> QueryFinalAsync(QueryFinal request, CancellationToken cancellationToken)
        {
            Asked.Enqueue(request.Timeout);
            return Asked.Count > turnsBeforeFinal
                ? Task.FromResult<ISubmitResponse>(new Completed(request.RunId))
                : Task.FromException<ISubmitResponse>(new CommandServiceException("Timeout", "no final response within the turn"));
        }

        public Task<StateStream> SubscribeAsync(SubscribeCurrentState request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
