namespace Funds.Domain.Oversight;

/// <summary>Days from the village committee's sign-off to the final (settlement) payment; unpaid ones count to asOf.</summary>
public sealed record SignOffToPayment(Guid ProjectId, string Project, string Township, string Village, DateOnly SignedOn, DateOnly? FinalPaidOn, int Days, bool Paid);
