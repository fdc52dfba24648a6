using Funds.Api.FundSources;
using Funds.Api.Projects;
using JasperFx.Events;

namespace Funds.Api.Audit;

public sealed record DigestVerdict(bool Matches, Digest Recomputed);
