using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Funds.Api.Audit;
using Funds.Api.Pipeline;
using Funds.Domain.Common;
using Funds.IntegrationTests.Infrastructure;
using Funds.Verify;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Funds.IntegrationTests;

/// <summary>Signed digests, exported and checked offline. Edits the store behind Marten's back (and puts it back): runs alone.</summary>
[Collection(nameof(Serial))]
public class SignedDigestIntegrityTests(FundsApp app) : IntegrationTest(app)
{
    private DigestSigner Signer => App.Host.Services.GetRequiredService<DigestSigner>();

    [Fact]
    public async Task the_digest_is_signed_with_a_key_the_database_never_sees_and_verifies_offline()
    {
        await Disbursed();
        var dir = Temporary();
        var body = (await Get("/api/audit/digest")).ReadAsText();
        var digest = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((FundsApp.County, "funds-digest/2"), ((string)digest["county"]!, (string)digest["format"]!));
        Assert.NotEmpty(digest["heads"]!.AsArray());
        Assert.Equal(Signer.KeyId, (string)digest["keyId"]!);
        var pem = (await Get("/api/audit/digest/public-key")).ReadAsText();
        Assert.Equal(Signer.PublicKeyPem, pem);
        await File.WriteAllTextAsync(Path.Combine(dir, "key.pem"), pem);

        Assert.Equal(0, Verify(Path.Combine(dir, "digest.json"), body, Path.Combine(dir, "key.pem"), out var ok));
        Assert.StartsWith("OK", ok);

        var raised = digest.DeepClone().AsObject();
        raised["root"] = new string('0', 64);
        Assert.Equal(1, Verify(Path.Combine(dir, "raised.json"), raised.ToJsonString(), Path.Combine(dir, "key.pem"), out var output));
        Assert.Contains("signature does not verify", output);

        var head = digest.DeepClone().AsObject();
        head["heads"]![0]!["hash"] = new string('1', 64);
        Assert.Equal(1, Verify(Path.Combine(dir, "head.json"), head.ToJsonString(), Path.Combine(dir, "key.pem"), out output));
        Assert.Contains("do not give the signed root", output);

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await File.WriteAllTextAsync(Path.Combine(dir, "other.pem"), other.ExportSubjectPublicKeyInfoPem());
        Assert.Equal(1, Verify(Path.Combine(dir, "digest.json"), body, Path.Combine(dir, "other.pem"), out output));
        Assert.Contains("not by the given public key", output);
    }

    [Fact]
    public async Task an_export_proves_that_nothing_before_an_earlier_signed_digest_was_altered_or_removed()
    {
        var (altered, _) = await Disbursed();
        var (shortened, _) = await Disbursed();
        var yesterday = Temporary();
        var kept = await DigestExport.WriteAsync(App.Store, Signer, FundsApp.County, yesterday, App.Clock.GetUtcNow(), default);
        var key = Path.Combine(Temporary(), "public-key.pem");
        File.Copy(Path.Combine(yesterday, "public-key.pem"), key);
        Assert.True(kept.Intact);
        Assert.Equal(0, Run(yesterday, key, out _));
        Assert.Equal(kept.Signature, (await File.ReadAllTextAsync(Path.Combine(yesterday, "digest.sig"))).Trim());

        await Disbursed();   // today's work
        await using var owner = await ChainIntegrityTests.Owner(App.ConnectionString);
        await ChainIntegrityTests.SaveStream(owner, altered);
        await ChainIntegrityTests.SaveStream(owner, shortened);
        try
        {
            // Someone with the database's owner rights raises a payment and recomputes its whole chain the way the
            // trigger does, and removes another stream's newest event with its hash and stream version.
            await ChainIntegrityTests.Exec(owner, """
                update funds.mt_events set data = jsonb_set(data, '{amount}', to_jsonb((data->>'amount')::numeric + 1000000))
                where stream_id = @id and type = 'funds_disbursed'
                """, altered);
            await ChainIntegrityTests.Exec(owner, """
                do $$ declare r record; prev text;
                begin
                    for r in select e.* from funds.mt_events e where e.stream_id = '@@' order by e.version loop
                        prev := funds.funds_event_hash(prev, r.seq_id, r.id, r.stream_id, r.version, r.type, r.tenant_id, r."timestamp", r.data,
                                                       r.bdata, r.headers, r.correlation_id, r.causation_id, r.user_name, r.mt_dotnet_type, r.is_archived);
                        update funds.funds_event_hashes set hash = prev where seq_id = r.seq_id;
                    end loop;
                end $$
                """.Replace("@@", altered.ToString()), altered);
            await ChainIntegrityTests.Exec(owner, """
                with newest as (select seq_id from funds.mt_events where stream_id = @id order by version desc limit 1),
                     gone as (delete from funds.funds_event_hashes where seq_id in (select seq_id from newest)),
                     stream as (update funds.mt_streams set version = version - 1 where id = @id)
                delete from funds.mt_events where seq_id in (select seq_id from newest)
                """, shortened);
            var report = await EventChain.VerifyAllAsync(App.Store, FundsApp.County, default);
            Assert.True(report.Intact, "the chain alone cannot tell: " + string.Join("; ", report.Broken));

            var today = Temporary();
            await DigestExport.WriteAsync(App.Store, Signer, FundsApp.County, today, App.Clock.GetUtcNow(), default);
            Assert.Equal(0, Run(today, key, out _));
            Assert.Equal(1, Run(today, key, out var output, "--since", yesterday));
            Assert.Contains($"stream {altered}: an event up to version", output);
            Assert.Contains($"stream {shortened}: at sequence {kept.UpToSequence} it was at version", output);
        }
        finally
        {
            await ChainIntegrityTests.Restore(owner, altered);
            await ChainIntegrityTests.Restore(owner, shortened);
        }

        var restored = Temporary();
        await DigestExport.WriteAsync(App.Store, Signer, FundsApp.County, restored, App.Clock.GetUtcNow(), default);
        Assert.Equal(0, Run(restored, key, out var fine, "--since", yesterday));
        Assert.Contains("unchanged", fine);
        // an export altered after it was written
        var csv = Path.Combine(restored, "event-hashes.csv");
        await File.WriteAllTextAsync(csv, (await File.ReadAllTextAsync(csv)).Replace(",1,", ",1,0"));
        Assert.Equal(1, Run(restored, key, out var edited, "--since", yesterday));
        Assert.Contains("event-hashes.csv is not the file the digest signed", edited);
    }

    [Fact]
    public void without_a_configured_key_production_signs_nothing_and_says_so()
    {
        var signer = Signer("Production", []);
        Assert.False(signer.Enabled);
        var refused = Assert.Throws<RuleViolation>(signer.EnsureEnabled);
        var problem = ProblemMapping.Map(refused);
        Assert.Equal((422, "digest-signing-not-configured"), (problem.Status, (string)problem.Extensions["rule"]!));

        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<InvalidOperationException>(() => Signer("Production", new() { ["Funds:Audit:SigningKey"] = p384.ExportPkcs8PrivateKeyPem() }));
        Assert.Throws<InvalidOperationException>(() => Signer("Production", new() { ["Funds:Audit:SigningKeyFile"] = Path.Combine(Temporary(), "missing.pem") }));

        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var configured = Signer("Production", new() { ["Funds:Audit:SigningKey"] = p256.ExportECPrivateKeyPem() });
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(p256.ExportSubjectPublicKeyInfo())), configured.KeyId);

        static DigestSigner Signer(string environment, Dictionary<string, string?> settings)
            => new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
                new HostingEnvironment { EnvironmentName = environment, ContentRootPath = Path.GetTempPath() }, NullLogger<DigestSigner>.Instance);
    }

    [Fact]
    public void development_generates_its_key_once_readable_by_its_owner_only()
    {
        var file = Path.Combine(Temporary(), "audit-signing-key.pem");
        var settings = new Dictionary<string, string?> { ["Funds:Audit:SigningKeyFile"] = file };
        DigestSigner Make() => new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new HostingEnvironment { EnvironmentName = "Development", ContentRootPath = Path.GetTempPath() }, NullLogger<DigestSigner>.Instance);
        var first = Make();
        Assert.True(first.Enabled);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(first.KeyId, Make().KeyId);
    }

    private async Task<(Guid Project, Guid Source)> Disbursed()
    {
        var p = Projects(UniqueName("红岩镇"));
        var (project, source) = await Funds.FundedProject(p);
        await p.Start(project);
        await Funds.Disburse(project, source, 40_000m);
        await Projected();   // the money trail has read the payment before the test edits it behind Marten's back
        return (project, source);
    }

    private static int Verify(string file, string json, string key, out string output)
    {
        File.WriteAllText(file, json);
        return Run(file, key, out output);
    }

    private static int Run(string export, string key, out string output, params string[] more)
    {
        var writer = new StringWriter();
        var code = Verifier.Run([export, key, .. more], writer);
        output = writer.ToString();
        return code;
    }

    private static string Temporary()
    {
        var dir = Path.Combine(Path.GetTempPath(), "funds-digest-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
