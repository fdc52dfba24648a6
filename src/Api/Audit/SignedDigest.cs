using System.Globalization;

namespace Funds.Api.Audit;

/// <summary>A county's store up to a sequence, signed with a key the database never sees: the Merkle root over every
/// stream's head, the SHA-256 of the exported event hashes, and the heads themselves. Verify it offline with
/// <c>dotnet run --project tools/Funds.Verify</c> and the public key.</summary>
/// <param name="Format">Always <c>funds-digest/2</c>.</param>
/// <param name="County">The county (tenant) it covers.</param>
/// <param name="UpToSequence">The last event sequence covered.</param>
/// <param name="Root">Merkle root over the heads (see <paramref name="Algorithm"/>).</param>
/// <param name="Streams">Number of streams.</param>
/// <param name="Events">Number of events.</param>
/// <param name="ComputedAt">When it was computed (UTC).</param>
/// <param name="Intact">Whether every chain matched its stored hashes when computed.</param>
/// <param name="Algorithm">The hashing algorithm, in words.</param>
/// <param name="EventHashes">SHA-256 (hex) of the event hashes export (<c>event-hashes.csv</c>): one line per event with its recomputed hash.</param>
/// <param name="KeyId">SHA-256 (hex) of the signing key's public key (SubjectPublicKeyInfo, DER).</param>
/// <param name="Signature">ECDSA P-256 / SHA-256 signature (DER, base64) of <see cref="Statement"/>.</param>
/// <param name="Heads">Every stream's head, ordered by stream id.</param>
public sealed record SignedDigest(
    string Format, string County, long UpToSequence, string Root, int Streams, long Events, DateTimeOffset ComputedAt, bool Intact,
    string Algorithm, string EventHashes, string KeyId, string Signature, IReadOnlyList<StreamHead> Heads)
{
    public const string CurrentFormat = "funds-digest/2";

    /// <summary>The signed text: one <c>name=value</c> line per field but the heads (bound by the root) and the signature.</summary>
    public string Statement() => string.Join('\n',
        Format,
        $"county={County}",
        $"upToSequence={UpToSequence.ToString(CultureInfo.InvariantCulture)}",
        $"root={Root}",
        $"streams={Streams.ToString(CultureInfo.InvariantCulture)}",
        $"events={Events.ToString(CultureInfo.InvariantCulture)}",
        $"computedAt={ComputedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}",
        $"intact={(Intact ? "true" : "false")}",
        $"algorithm={Algorithm}",
        $"eventHashes={EventHashes}",
        $"keyId={KeyId}") + "\n";
}
