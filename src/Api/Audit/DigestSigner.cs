using System.Security.Cryptography;
using System.Text;

namespace Funds.Api.Audit;

/// <summary>
/// Signs digests with an ECDSA P-256 key the database never sees: <c>Funds:Audit:SigningKey</c> (the private key as PEM)
/// or <c>Funds:Audit:SigningKeyFile</c> (a PEM file). Development without either generates one into
/// <c>.data/audit-signing-key.pem</c> (mode 0600). Any other environment without a key starts, says so, and answers
/// digest requests with 422 <c>digest-signing-not-configured</c>; integrity checks work regardless.
/// </summary>
public sealed class DigestSigner : IDisposable
{
    private const string P256 = "1.2.840.10045.3.1.7";
    private readonly ECDsa? _key;

    public DigestSigner(IConfiguration configuration, IHostEnvironment environment, ILogger<DigestSigner> log)
    {
        var pem = configuration["Funds:Audit:SigningKey"];
        var file = configuration["Funds:Audit:SigningKeyFile"];
        if (string.IsNullOrWhiteSpace(pem) && string.IsNullOrWhiteSpace(file) && environment.IsDevelopment())
            file = Path.Combine(RepositoryRoot(environment.ContentRootPath), ".data", "audit-signing-key.pem");
        if (string.IsNullOrWhiteSpace(pem) && !string.IsNullOrWhiteSpace(file))
        {
            if (!File.Exists(file) && environment.IsDevelopment()) Generate(file, log);
            pem = File.Exists(file) ? File.ReadAllText(file)
                : throw new InvalidOperationException($"Funds:Audit:SigningKeyFile names {file}, which does not exist.");
        }
        if (string.IsNullOrWhiteSpace(pem))
        {
            log.LogWarning("Funds:Audit:SigningKey is not configured: digests cannot be signed, and GET /api/audit/digest answers 422 " +
                           "digest-signing-not-configured. Integrity checks work. See docs/audit.md.");
            return;
        }
        _key = Load(pem);
        KeyId = Convert.ToHexStringLower(SHA256.HashData(_key.ExportSubjectPublicKeyInfo()));
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem() + "\n";
    }

    public bool Enabled => _key is not null;
    public string KeyId { get; } = "";
    public string PublicKeyPem { get; } = "";

    public void EnsureEnabled()
    {
        if (_key is null)
            throw RuleViolation.Unprocessable("digest-signing-not-configured",
                "No digest signing key is configured on this server (Funds:Audit:SigningKey or Funds:Audit:SigningKeyFile), so no signed digest can be given. Integrity checks are available.");
    }

    /// <summary>ECDSA P-256 over SHA-256 of the UTF-8 text; the DER signature, base64.</summary>
    public string Sign(string statement)
    {
        EnsureEnabled();
        return Convert.ToBase64String(_key!.SignData(Encoding.UTF8.GetBytes(statement), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    private static ECDsa Load(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (ArgumentException e)
        {
            key.Dispose();
            throw new InvalidOperationException("The digest signing key is not a PEM EC private key.", e);
        }
        if (key.ExportParameters(false).Curve.Oid.Value != P256)
        {
            key.Dispose();
            throw new InvalidOperationException("The digest signing key must be an ECDSA P-256 (prime256v1) key.");
        }
        return key;
    }

    private static void Generate(string file, ILogger log)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(key.ExportPkcs8PrivateKeyPem() + "\n");
        try
        {
            File.Move(temporary, file);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);   // another process generated it first
            return;
        }
        log.LogInformation("Generated a development digest signing key in {File}.", file);
    }

    private static string RepositoryRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Funds.sln"))) return dir.FullName;
        return contentRoot;
    }

    public void Dispose() => _key?.Dispose();
}
