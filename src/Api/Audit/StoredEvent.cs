using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Funds.Api.Audit;

/// <summary>Every stored column of one mt_events row, as the chain hashes it.</summary>
public sealed record StoredEvent(
    long Sequence, Guid Id, Guid StreamId, long Version, string Type, string? TenantId, DateTime Timestamp, string Data,
    byte[]? BinaryData, string? Headers, string? CorrelationId, string? CausationId, string? UserName, string? DotnetType, bool? IsArchived)
{
    /// <summary>Chain v2: sha256_hex of "funds-chain/2" and each field, <c>|</c>-separated, each written as
    /// <c>&lt;UTF-8 byte length&gt;:&lt;text&gt;</c> or <c>-</c> when null; the same text as the trigger's
    /// <c>funds_event_hash</c>.</summary>
    public string Hash(string? previous)
    {
        var text = new StringBuilder("funds-chain/2");
        foreach (var field in (string?[])
                 [
                     previous, Sequence.ToString(CultureInfo.InvariantCulture), Id.ToString(), StreamId.ToString(),
                     Version.ToString(CultureInfo.InvariantCulture), Type, TenantId,
                     Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), Data,
                     BinaryData is null ? null : Convert.ToHexStringLower(BinaryData), Headers, CorrelationId, CausationId, UserName,
                     DotnetType, IsArchived switch { true => "true", false => "false", null => null },
                 ])
            text.Append('|').Append(field is null ? "-" : $"{Encoding.UTF8.GetByteCount(field)}:{field}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Chain v1, for events hashed before v2 was installed: type and data only.</summary>
    public string HashV1(string? previous) => EventChain.Hash(previous ?? "", StreamId, Version, Type, Data);
}
