using System.Text.Json.Serialization;

namespace Funds.Api.Projects;

/// <summary>A project as it stands: every step recorded so far, with who recorded it; money paid for it,
/// per fund source; deadlines escalated; households linked (带贫). <c>version</c> is the stream version (the ETag).</summary>
public sealed record ProjectDetails(
    Guid Id, ProjectKind Kind, string Category, string Name, string Township, string Village, int PlanYear, ProjectStatus Status,
    DateOnly RegisteredOn, Actor? RegisteredBy, Approval? Approval, BuilderOfRecord? Builder, IReadOnlyList<BuilderOfRecord> FormerBuilders,
    DateOnly? StartedOn, DateOnly? CompletedOn, DateOnly? FirstCompletedOn, Acceptance? Acceptance, IReadOnlyList<Refusal> Refusals,
    Settlement? Settlement, Cancellation? Cancellation, OperatingEntity? OperatingEntity,
    decimal IncomeToHouseholds, decimal IncomeToCollective, int IncomeDistributions, Review? LastReview,
    decimal Disbursed, decimal DisbursedFinal, IReadOnlyList<SourcePayments> PaidBySource, DateOnly? LastPaidOn, DateOnly? FirstFinalPaymentOn,
    IReadOnlyList<string> MissedDeadlines, int Version, Screening? Screening = null, Assessment? Assessment = null,
    IReadOnlyList<Subcontract>? Subcontracts = null, IReadOnlyList<PaymentException>? PaymentExceptions = null,
    IReadOnlyList<Inspection>? Inspections = null, IReadOnlyList<Asset>? Assets = null,
    IReadOnlyList<DangerousHouse>? DangerousHouses = null, IReadOnlyList<BenefitLink>? BenefitLinks = null) : IVersioned, IResource
{
    [JsonIgnore] public string Location => $"/api/projects/{Id}";

    public static ProjectDetails Of(Project p) => new(
        p.Id, p.Kind, p.Category, p.Name, p.Township, p.Village, p.PlanYear, p.Status,
        p.RegisteredOn, p.RegisteredBy, p.Approval, p.Builder, p.FormerBuilders,
        p.StartedOn, p.CompletedOn, p.FirstCompletedOn, p.Acceptance, p.Refusals,
        p.Settlement, p.Cancellation, p.OperatingEntity,
        p.IncomeToHouseholds, p.IncomeToCollective, p.IncomeDistributions, p.LastReview,
        p.Disbursed, p.DisbursedFinal, p.PaidBySource, p.LastPaidOn, p.FirstFinalPaymentOn,
        p.MissedDeadlines, p.Version, p.Screening, p.Assessment, p.Subcontracts, p.PaymentExceptions, p.Inspections, p.Assets, p.DangerousHouses, p.Links);

    /// <summary>The answer to the registration: the new project, and its stream to start.</summary>
    public static (ProjectDetails, IStartStream) Started(ProjectRegistered registered)
        => (Decided(new Project(), registered).Item1, MartenOps.StartStream<Project>(registered.ProjectId, registered));

    /// <summary>The answer to a command: the project after the events just decided, and those events to append.</summary>
    public static (ProjectDetails, Events) Decided(Project before, params IReadOnlyList<object> events)
    {
        var after = events.Aggregate(before, (state, e) => Project.Evolve(state, e)!) with { Version = before.Version + events.Count };
        return (Of(after), [.. events]);
    }
}
