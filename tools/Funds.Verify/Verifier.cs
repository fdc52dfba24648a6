using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Funds.Verify;

/// <summary>
/// <c>dotnet run --project tools/Funds.Verify -- EXPORT PUBLIC-KEY.pem [--since EARLIER]</c>, where EXPORT and EARLIER are
/// export folders (export-digest) or digest.json files (GET /api/audit/digest). Checks, without any database: the signature
/// against the public key the auditor kept, the Merkle root against the heads, and the event hashes file against the digest;
/// with <c>--since</c>, that the export's event hashes reproduce the earlier digest at its sequence exactly, so nothing up
/// to it was altered or removed. Exit code 0 when everything holds, 1 when something does not, 2 on bad input.
/// </summary>
public static class Verifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static int Run(string[] args, TextWriter output)
    {
        var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--since")).ToList();
        var since = args.SkipWhile(a => a != "--since").Skip(1).FirstOrDefault();
        if (positional.Count != 2 || (args.Contains("--since") && since is null))
        {
            output.WriteLine("usage: Funds.Verify EXPORT-DIR|digest.json PUBLIC-KEY.pem [--since EARLIER-EXPORT-DIR|digest.json]");
            return 2;
        }
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(positional[1]));
            var keyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
            var failures = new List<string>();

            var (digest, hashes) = Load(positional[0], key, keyId, failures);
            if (since is not null)
            {
                var (earlier, _) = Load(since, key, keyId, failures);
                Compare(earlier, digest, hashes, failures);
            }

            foreach (var failure in failures) output.WriteLine("FAIL: " + failure);
            if (failures.Count > 0) return 1;
            output.WriteLine($"OK: county {digest.County}, {digest.Events} events in {digest.Streams} streams up to sequence {digest.UpToSequence}, " +
                             $"root {digest.Root}, signed by key {keyId} at {digest.ComputedAt:u}" +
                             (since is null ? "." : "; everything up to the earlier digest's sequence is unchanged."));
            return 0;
        }
        catch (Exception e) when (e is IOException or JsonException or ArgumentException or CryptographicException or FormatException or InvalidDataException)
        {
            output.WriteLine("ERROR: " + e.Message);
            return 2;
        }
    }

    private static (ExportedDigest Digest, List<EventHash>? Hashes) Load(string path, ECDsa key, string keyId, List<string> failures)
    {
        var directory = Directory.Exists(path) ? path : null;
        var file = directory is null ? path : Path.Combine(directory, "digest.json");
        var digest = JsonSerializer.Deserialize<ExportedDigest>(File.ReadAllText(file), Json) ?? throw new InvalidDataException($"{file} is empty.");
        var name = $"{file} (county {digest.County}, up to sequence {digest.UpToSequence})";

        if (digest.Format != "funds-digest/2") failures.Add($"{name}: unknown format {digest.Format}.");
        if (digest.KeyId != keyId) failures.Add($"{name}: signed by key {digest.KeyId}, not by the given public key {keyId}.");
        var statement = digest.Statement();
        if (!key.VerifyData(Encoding.UTF8.GetBytes(statement), Convert.FromBase64String(digest.Signature), HashAlgorithmName.SHA256,
                DSASignatureFormat.Rfc3279DerSequence))
            failures.Add($"{name}: the signature does not verify: the digest was altered or not signed with this key.");
        if (directory is not null && File.Exists(Path.Combine(directory, "statement.txt")) && File.ReadAllText(Path.Combine(directory, "statement.txt")) != statement)
            failures.Add($"{name}: statement.txt is not the text the digest's fields give.");
        if (MerkleRoot(digest.Heads) != digest.Root) failures.Add($"{name}: the heads do not give the signed root.");
        if (digest.Heads.Count != digest.Streams || digest.Heads.Select(h => h.StreamId).Distinct().Count() != digest.Heads.Count)
            failures.Add($"{name}: {digest.Heads.Count} heads listed for {digest.Streams} streams.");
        if (!digest.Intact) failures.Add($"{name}: the store's chains were already broken when this digest was computed (see /api/audit/integrity).");

        List<EventHash>? hashes = null;
        var csv = directory is null ? null : Path.Combine(directory, "event-hashes.csv");
        if (csv is not null && File.Exists(csv))
        {
            var bytes = File.ReadAllBytes(csv);
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != digest.EventHashes)
                failures.Add($"{name}: event-hashes.csv is not the file the digest signed.");
            hashes = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line =>
            {
                var f = line.Split(',');
                return new EventHash(long.Parse(f[0], CultureInfo.InvariantCulture), Guid.Parse(f[1]), long.Parse(f[2], CultureInfo.InvariantCulture), f[3]);
            }).ToList();
            if (hashes.Count != digest.Events) failures.Add($"{name}: event-hashes.csv lists {hashes.Count} events, the digest {digest.Events}.");
            var heads = HeadsAt(hashes, digest.UpToSequence);
            if (heads.Count != digest.Heads.Count || digest.Heads.Any(h => !heads.TryGetValue(h.StreamId, out var x) || x != h))
                failures.Add($"{name}: the heads in event-hashes.csv are not the digest's heads.");
        }
        return (digest, hashes);
    }

    private static void Compare(ExportedDigest earlier, ExportedDigest later, List<EventHash>? hashes, List<string> failures)
    {
        if (earlier.County != later.County)
        {
            failures.Add($"the earlier digest is of county {earlier.County}, the export of county {later.County}.");
            return;
        }
        if (earlier.UpToSequence > later.UpToSequence)
        {
            failures.Add($"the earlier digest reaches sequence {earlier.UpToSequence}, beyond the export's {later.UpToSequence}: events were removed, or the arguments are swapped.");
            return;
        }
        if (hashes is null)
        {
            failures.Add("--since needs an export folder with event-hashes.csv (export-digest), not a digest alone.");
            return;
        }
        var now = HeadsAt(hashes, earlier.UpToSequence);
        foreach (var head in earlier.Heads)
        {
            if (!now.Remove(head.StreamId, out var current))
                failures.Add($"stream {head.StreamId}: at sequence {earlier.UpToSequence} it was at version {head.Version}; none of those events is stored now (removed).");
            else if (current.Version != head.Version)
                failures.Add($"stream {head.StreamId}: at sequence {earlier.UpToSequence} it was at version {head.Version}, the store now gives version {current.Version} (events removed or inserted).");
            else if (current.Hash != head.Hash)
                failures.Add($"stream {head.StreamId}: an event up to version {head.Version} was altered since the earlier digest (its head hash differs).");
        }
        foreach (var extra in now.Values)
            failures.Add($"stream {extra.StreamId}: has events up to sequence {earlier.UpToSequence} that the earlier digest did not have (inserted afterwards).");
        var count = hashes.Count(h => h.Sequence <= earlier.UpToSequence);
        if (count != earlier.Events)
            failures.Add($"up to sequence {earlier.UpToSequence} the export has {count} events, the earlier digest {earlier.Events}.");
        else if (MerkleRoot(HeadsAt(hashes, earlier.UpToSequence).Values) != earlier.Root)
            failures.Add($"the export does not reproduce the earlier root {earlier.Root} at sequence {earlier.UpToSequence}.");
    }

    private static Dictionary<Guid, ExportedHead> HeadsAt(IEnumerable<EventHash> hashes, long sequence)
    {
        var heads = new Dictionary<Guid, ExportedHead>();
        foreach (var h in hashes.Where(h => h.Sequence <= sequence))
            if (!heads.TryGetValue(h.StreamId, out var head) || head.Version < h.Version)
                heads[h.StreamId] = new ExportedHead(h.StreamId, h.Version, h.Hash);
        return heads;
    }

    /// <summary>leaf = sha256_hex(stream_id|version|hash), streams ordered by id (lowercase text); node = sha256_hex(left|right);
    /// an odd node is carried up; no streams: sha256 of nothing.</summary>
    public static string MerkleRoot(IEnumerable<ExportedHead> heads)
    {
        var level = heads.OrderBy(h => h.StreamId.ToString(), StringComparer.Ordinal).Select(h => Sha256Hex($"{h.StreamId}|{h.Version}|{h.Hash}")).ToList();
        if (level.Count == 0) return Convert.ToHexStringLower(SHA256.HashData([]));
        while (level.Count > 1)
        {
            var next = new List<string>();
            for (var i = 0; i < level.Count; i += 2)
                next.Add(i + 1 < level.Count ? Sha256Hex($"{level[i]}|{level[i + 1]}") : level[i]);
            level = next;
        }
        return level[0];
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
