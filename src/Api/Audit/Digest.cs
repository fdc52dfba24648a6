using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Funds.Api.Audit;

public sealed record Digest(long UpToSequence, string Root, int Streams, long Events, DateTimeOffset ComputedAt, bool Intact, string Algorithm);
