using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Funds.Api.Audit;

/// <summary>Writes a county's signed digest as files an auditor keeps and checks offline (tools/Funds.Verify):
/// <c>digest.json</c> (with every stream's head), <c>digest.sig</c> (the signature, base64 DER), <c>statement.txt</c>
/// (the exact signed text, for <c>openssl dgst -sha256 -verify</c>), <c>public-key.pem</c> and <c>event-hashes.csv</c>
/// (every event's recomputed hash, so a later export can be checked against an earlier digest at its sequence).</summary>
public static class DigestExport
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // a file, not a web page: keep quotes and < readable
    };

    public static async Task<SignedDigest> WriteAsync(IDocumentStore store, DigestSigner signer, string county, string directory,
        DateTimeOffset now, CancellationToken ct)
    {
        signer.EnsureEnabled();
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(false);
        SignedDigest digest;
        await using (var hashes = new StreamWriter(Path.Combine(directory, "event-hashes.csv"), false, utf8))
            digest = await EventChain.SignedDigestAsync(store, signer, county, null, now, hashes, ct);
        await File.WriteAllTextAsync(Path.Combine(directory, "digest.json"), JsonSerializer.Serialize(digest, Json) + "\n", utf8, ct);
        await File.WriteAllTextAsync(Path.Combine(directory, "digest.sig"), digest.Signature + "\n", utf8, ct);
        await File.WriteAllTextAsync(Path.Combine(directory, "statement.txt"), digest.Statement(), utf8, ct);
        await File.WriteAllTextAsync(Path.Combine(directory, "public-key.pem"), signer.PublicKeyPem, utf8, ct);
        return digest;
    }
}
