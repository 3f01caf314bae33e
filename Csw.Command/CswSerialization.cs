using System.Collections.Immutable;
using Akka.Actor;
using Akka.Serialization;
using Csw.Command.Internal.Remote;
using Csw.Params;

namespace Csw.Command;

/// <summary>
/// The Akka.NET serializer that carries CswNet's component messages, command responses and
/// CurrentState between processes, as CSW's JSON. <c>CswActorSystem.Create</c> and
/// <c>services.AddCswContainer</c> register it; an actor system made otherwise registers it with
/// <see cref="Setup"/> (or, with Akka.Hosting, <c>WithCustomSerializer("csw", CswSerialization.Types, CswSerialization.Create)</c>).
/// Both ends of a connection need it.
/// </summary>
public static class CswSerialization
{
    /// <summary>The name the serializer is registered under.</summary>
    public const string Name = "csw";

    /// <summary>The types it serializes (their subtypes too).</summary>
    public static ImmutableHashSet<Type> Types { get; } = [typeof(ComponentMessage), typeof(CommandResponse), typeof(CurrentState), typeof(LockingResponse), typeof(SupervisorLifecycleState), typeof(ComponentLogLevel), typeof(OutgoingBatch)];

    /// <summary>Makes the serializer for an actor system.</summary>
    /// <param name="system">The actor system.</param>
    public static Serializer Create(ExtendedActorSystem system) => new CswMessageSerializer(system ?? throw new ArgumentNullException(nameof(system)));

    /// <summary>The setup that registers the serializer: add it to an <c>ActorSystemSetup</c>.</summary>
    public static SerializationSetup Setup() =>
        SerializationSetup.Create(system => [SerializerDetails.Create(Name, Create(system), Types)]);
}
