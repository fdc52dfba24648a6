using System.Text.Json.Serialization;
using Funds.Domain.Common;

namespace Funds.Domain.Households;

public sealed record StatusPeriod(HouseholdStatus Status, DateOnly From, string? Reason);

/// <summary>A household loan (扶贫小额信贷) as its events made it.</summary>
public sealed record Loan(
    Guid LoanId, string Bank, string ContractNo, decimal Amount, int TermMonths, string Purpose, Guid? ProjectId, string? ProjectName,
    DateOnly IssuedOn, DateOnly DueOn, decimal Repaid, int Extensions, DateOnly? OverdueOn, DateOnly? RepaidOn)
{
    public decimal Outstanding => Amount - Repaid;
    public LoanStatus Status => Outstanding == 0 ? LoanStatus.Repaid : OverdueOn is not null ? LoanStatus.Overdue
        : Extensions > 0 ? LoanStatus.Extended : LoanStatus.Current;
}

/// <summary>A household of a village register, as its events made it.</summary>
public sealed record Household : IPlaced, IVersioned
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Township { get; init; } = "";
    public string Village { get; init; } = "";
    public string HeadName { get; init; } = "";
    public string IdentityHash { get; init; } = "";
    public string IdentityMasked { get; init; } = "";
    public int Size { get; init; }
    public int LabourMembers { get; init; }
    public HouseholdStatus Status { get; init; }
    public DateOnly RegisteredOn { get; init; }
    /// <summary>Status periods in effective-date order; the last is the current status.</summary>
    public IReadOnlyList<StatusPeriod> Statuses { get; init; } = [];
    public IReadOnlyList<Loan> Loans { get; init; } = [];
    public DateTimeOffset LastRecordedAt { get; init; }
    public int Version { get; init; }

    [JsonIgnore] public Place? Place => new(Township, Village);
    [JsonIgnore] public HouseholdRef Ref => new(Id, Code, Township, Village);
    /// <summary>Has at least one member able to work (有劳动能力).</summary>
    public bool LabourCapable => LabourMembers > 0;
    /// <summary>Poor or exited and still monitored: who the seeds' measures are for.</summary>
    public bool Poor => IsPoor(Status);
    /// <summary>Poor or exited and monitored on the register at <paramref name="on"/>.</summary>
    public bool PoorOn(DateOnly on) => StatusOn(on) is { } status && IsPoor(status);
    public static bool IsPoor(HouseholdStatus status) => status is HouseholdStatus.Poor or HouseholdStatus.ExitedMonitored;
    public decimal LoansOutstanding => Loans.Sum(l => l.Outstanding);

    /// <summary>The status on the register at <paramref name="on"/>; null before the household was registered.</summary>
    public HouseholdStatus? StatusOn(DateOnly on) => Statuses.LastOrDefault(s => s.From <= on)?.Status;

    public Loan? LoanOf(Guid loanId) => Loans.FirstOrDefault(l => l.LoanId == loanId);

    public static Household? Evolve(Household? state, object @event) => @event switch
    {
        HouseholdRegistered e => new Household
        {
            Id = e.HouseholdId, Code = e.Code, Township = e.Township, Village = e.Village, HeadName = e.HeadName,
            IdentityHash = e.IdentityHash, IdentityMasked = e.IdentityMasked, Size = e.Size, LabourMembers = e.LabourMembers,
            Status = e.Status, RegisteredOn = e.EffectiveOn, Statuses = [new StatusPeriod(e.Status, e.EffectiveOn, null)], LastRecordedAt = e.RecordedAt,
        },
        _ when state is null => null,
        HouseholdStatusChanged e => state with
        {
            Status = e.Status, Statuses = [.. state.Statuses, new StatusPeriod(e.Status, e.EffectiveOn, e.Reason)], LastRecordedAt = e.RecordedAt,
        },
        LoanIssued e => state with
        {
            Loans = [.. state.Loans, new Loan(e.LoanId, e.Bank, e.ContractNo, e.Amount, e.TermMonths, e.Purpose, e.ProjectId, e.ProjectName,
                e.IssuedOn, e.DueOn, 0m, 0, null, null)],
            LastRecordedAt = e.RecordedAt,
        },
        LoanRepaid e => Change(state, e.LoanId, e.RecordedAt, l => l with
        {
            Repaid = l.Repaid + e.Amount, RepaidOn = l.Repaid + e.Amount == l.Amount ? e.RepaidOn : null,
            OverdueOn = l.Repaid + e.Amount == l.Amount ? null : l.OverdueOn,
        }),
        LoanExtended e => Change(state, e.LoanId, e.RecordedAt, l => l with { DueOn = e.NewDueOn, Extensions = l.Extensions + 1 }),
        LoanOverdue e => Change(state, e.LoanId, e.RecordedAt, l => l with { OverdueOn = e.ReportedOn }),
        _ => state,
    };

    private static Household Change(Household s, Guid loanId, DateTimeOffset at, Func<Loan, Loan> change)
        => s with { Loans = [.. s.Loans.Select(l => l.LoanId == loanId ? change(l) : l)], LastRecordedAt = at };
}
