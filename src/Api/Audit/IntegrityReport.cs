using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Funds.Api.Audit;

public sealed record IntegrityReport(bool Intact, long EventsChecked, int StreamsChecked, IReadOnlyList<BrokenLink> Broken);
