using System.Collections.Immutable;
using Akka.Actor;
using Akka.Serialization;
using Csw.Command;
using Csw.Framework.Internal.Observation;

namespace Csw.Framework.Internal;

/// <summary>CswNet's serializers: the component messages (<see cref="CswSerialization"/>) and the events observers hear.</summary>
internal static class CswSerializers
{
    public static IReadOnlyList<(string Name, ImmutableHashSet<Type> Types, Func<ExtendedActorSystem, Serializer> Create)> All { get; } =
    [
        (CswSerialization.Name, CswSerialization.Types, CswSerialization.Create),
        ("csw-events", [typeof(ComponentEvent)], system => new ComponentEventSerializer(system)),
    ];
}
