namespace Funds.Api.Projects;

/// <summary>One payment exception on the supervisors' list: the project, the payee and amount, why it left the normal
/// path, who asked and who approved (two different finance users), and the payment that used it.</summary>
public sealed record PaymentExceptionLine(
    Guid ExceptionId, Guid ProjectId, string Project, string Township, string Village, string BuilderOfRecord,
    string PayeeName, string PayeeCreditCode, decimal Amount, IReadOnlyList<PaymentExceptionGround> Grounds, string Reason,
    DateOnly RequestedOn, Actor RequestedBy, DateOnly? ApprovedOn, Actor? ApprovedBy, Guid? DisbursementId, string Status);
