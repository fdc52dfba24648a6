using Funds.Api.Hosting;
using Funds.Domain.Deadlines;
using Wolverine;
using Wolverine.Runtime;

namespace Funds.Api.Deadlines;

/// <summary>Escalate whatever deadlines of one project have passed unmet and are not escalated yet.</summary>
public sealed record EscalateDeadlines(Guid ProjectId);
