namespace Funds.Domain.Common;

/// <summary>Collects field errors; throws <see cref="InvalidCommand"/> if any were found.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    /// <summary>Whether <see cref="Text"/> would accept the value.</summary>
    public static bool IsText(string? value, int maxLength = 200)
        => !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !value.Any(char.IsControl);

    public FieldErrors Text(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "is required.");
        if (value.Length > maxLength) Add(field, $"must be at most {maxLength} characters.");
        if (value.Any(char.IsControl)) Add(field, "must not contain control characters.");
        return this;
    }

    public FieldErrors OptionalText(string field, string? value, int maxLength = 2000)
    {
        if (value is null) return this;
        if (value.Length > maxLength) Add(field, $"must be at most {maxLength} characters.");
        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) Add(field, "must not contain control characters.");
        return this;
    }

    public FieldErrors Amount(string field, decimal? value)
    {
        if (value is null) return Add(field, "is required.");
        var problem = Money.Problem(value.Value);
        return problem is null ? this : Add(field, problem);
    }

    public FieldErrors Date(string field, DateOnly? value)
    {
        if (value is null || value == default) return Add(field, "is required.");
        if (value.Value.Year < 2000 || value.Value.Year > 2100) Add(field, "must be between 2000 and 2100.");
        return this;
    }

    public FieldErrors Required<T>(string field, T? value) where T : struct
        => value is null ? Add(field, "is required.") : this;

    public FieldErrors Defined<TEnum>(string field, TEnum? value) where TEnum : struct, Enum
    {
        if (value is null) return Add(field, "is required.");
        if (!Enum.IsDefined(value.Value)) Add(field, $"must be one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return this;
    }

    public FieldErrors CreditCode(string field, string? code)
        => string.IsNullOrWhiteSpace(code) ? Add(field, "is required.")
            : Common.CreditCode.IsValid(code) ? this
            : Add(field, "is not a valid 18-character unified social credit code (统一社会信用代码).");

    /// <summary>Paging of a list: page from 1 to <paramref name="maxPage"/>, pageSize from 1 to <paramref name="maxPageSize"/>.</summary>
    public FieldErrors Paging(int page, int pageSize, int maxPageSize, int maxPage = 100_000)
        => When(page < 1 || page > maxPage, "page", $"must be between 1 and {maxPage}.")
            .When(pageSize < 1 || pageSize > maxPageSize, "pageSize", $"must be between 1 and {maxPageSize}.");

    public FieldErrors When(bool condition, string field, string message)
        => condition ? Add(field, message) : this;

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new InvalidCommand(_errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }
}
