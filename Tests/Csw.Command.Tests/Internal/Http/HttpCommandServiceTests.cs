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

    /// <summary>Answers each QueryFinal with the endpoint's timeout error, until the last turn.</summary>
    private sealed class TurnsTransport(int turnsBeforeFinal) : ICommandTransport
    {
        public ConcurrentQueue<TimeSpan> Asked { get; } = new();

        public Task<ICommandResponse> RequestAsync(CommandServiceRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
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
