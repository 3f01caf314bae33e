using Akka.Actor;
using Akka.Serialization;
using Csw.Location.Internal.Cluster;

namespace Csw.Location.Tests.Support;

/// <summary>Writes <see cref="Garbage"/> as the location serializer's <c>Reg</c> message (its identifier, its manifest), but not as JSON.</summary>
public sealed class GarbageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public override int Identifier => ClusterConfig.SerializerId;

    public override string Manifest(object o) => "Reg";

    public override byte[] ToBinary(object obj) => "\u0001 this is not json"u8.ToArray();

    public override object FromBinary(byte[] bytes, string manifest) => new Garbage();

    /// <summary>What a sender writes with <see cref="GarbageSerializer"/>.</summary>
    public sealed class Garbage;
}
