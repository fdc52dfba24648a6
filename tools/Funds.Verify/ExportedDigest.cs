using System.Globalization;

namespace Funds.Verify;

/// <summary>digest.json as the API writes it (GET /api/audit/digest, or export-digest).</summary>
public sealed record ExportedDigest(
    string Format, string County, long UpToSequence, string Root, int Streams, long Events, DateTimeOffset ComputedAt, bool Intact,
    string Algorithm, string EventHashes, string KeyId, string Signature, IReadOnlyList<ExportedHead> Heads)
{
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
