using Funds.Api.FundSources;
using Funds.Api.Projects;
using JasperFx.Events;

namespace Funds.Api.Audit;

public sealed record DigestCheck(long UpToSequence, string? Root);
