using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Funds.Api.Audit;

public sealed record BrokenLink(Guid StreamId, long Version, long Sequence, string EventType, string Reason);
