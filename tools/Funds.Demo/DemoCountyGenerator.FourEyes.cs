using Funds.Domain.Projects;

namespace Funds.Demo;

// A payment to a supplier instead of the builder leaves the normal path: the cashier asks for a payment exception,
// the finance chief approves it, then the payment names it (four eyes: two events, two people).
internal sealed partial class DemoCountyGenerator
{
    /// <summary>One road or power-grid project in twelve has its earthworks or labour declared as a subcontract (分包).</summary>
    private void MaybeSubcontract(SimProject p, DateOnly on)
    {
        if (p.Index % 12 != 5 || p.Category is not (ProjectCategories.Road or ProjectCategories.PowerGrid)) return;
        var name = $"{p.Township.Name}{(p.Category == ProjectCategories.Road ? "路基土方" : "电力施工")}劳务有限公司";
        var amount = Math.Round(p.State!.Builder!.ContractAmount * 0.2m / 100m) * 100m;
        Emit(p, ProjectDecider.Subcontract(DerivedId(p.Id, 0x33), new DeclareSubcontract(name, CreditCodeFor(name, _shape.Code, "91"),
            p.Category == ProjectCategories.Road ? "路基土方及排水沟" : "杆线架设劳务", amount, on), p.State, Ctx(p.Hq)));
    }

    private static Guid DerivedId(Guid from, byte salt)
    {
        var bytes = from.ToByteArray();
        bytes[15] ^= salt;   // derived: no randomness drawn, the county stays the same
        return new Guid(bytes);
    }

    private DisburseFunds WithPaymentException(SimProject p, DisburseFunds payment, Guid paymentId)
    {
        var id = DerivedId(paymentId, 0x5a);
        var asked = ProjectDecider.RequestException(id, new RequestPaymentException(payment.PayeeName, payment.PayeeCreditCode, payment.Amount,
            payment.PayeeReason, payment.PaidOn), p.State!, Ctx(_financeCashier));
        Emit(p, asked);
        Emit(p, ProjectDecider.ApproveException(new ApprovePaymentException(id, payment.PaidOn), p.State!, Ctx(_financeChief)));
        return payment with { PaymentExceptionId = id };
    }
}
