using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.Domain.Villages;

namespace Funds.Demo;

/// <summary>The demo counties' register of villages (master data): every village with projects, as the
/// registering admin recorded it at the start of 2017, so each project registration is decided against it.</summary>
internal static class DemoVillages
{
    public static readonly Actor Admin = new("ops.register", Roles.Admin);
    public static readonly DateTimeOffset RecordedAt = new(2016, 12, 28, 9, 30, 0, ChinaTime.Offset);
    public static readonly DateOnly RegisteredOn = new(2016, 12, 28);

    /// <summary>A fixed id per county, township and village (the same demo every run).</summary>
    public static Guid IdOf(string county, string township, string village)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"demo-village:{county}/{township}/{village}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static VillageRegistered Registered(string county, string township, string village, VillageStatus status = VillageStatus.Poor, int? exitYear = null)
        => new(IdOf(county, township, village), township, village, status, exitYear, RegisteredOn, Admin, RecordedAt);

    /// <summary>The register entry a project registration is decided against.</summary>
    public static Village Of(string county, string township, string village) => Village.Evolve(null, Registered(county, township, village))!;
}
