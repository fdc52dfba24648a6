namespace Funds.Domain.Findings;

public enum FindingSource { Inspection = 1, Audit = 2, Evaluation = 3 }
