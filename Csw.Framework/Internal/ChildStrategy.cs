using Akka.Actor;

namespace Csw.Framework.Internal;

/// <summary>
/// How a supervisor supervises its children. The framework's own (the CRM and the pub/subs) are
/// resumed after a failure, keeping their state; the actors the handlers started are restarted,
/// at most 10 times a minute, then stopped — a failing hardware poller must neither take the
/// component down nor spin forever.
/// </summary>
internal sealed class ChildStrategy(IReadOnlyCollection<IActorRef> frameworkChildren)
    : OneForOneStrategy(10, TimeSpan.FromMinutes(1), Akka.Actor.SupervisorStrategy.DefaultDecider)
{
    protected override Directive Handle(IActorRef child, Exception exception) =>
        frameworkChildren.Contains(child) ? Directive.Resume : base.Handle(child, exception);
}
