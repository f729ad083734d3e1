using Pub.Citations;

namespace Pub.Resolve;

/// <summary>Everything the citation pass needs besides the document: the parsed style, where locales come
/// from, and the references of every bibliography the manuscript uses (series papers included).</summary>
public sealed record CitationSetup(Style Style, LocaleSet Locales, IReadOnlyList<Reference> References);
