using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pub.Import;

/// <summary>Word's list definitions: a paragraph's numbering instance and level lead, through its abstract
/// definition, to a number format; "bullet" makes a bulleted list, any other format a numbered one.</summary>
internal sealed class WordNumbering
{
    private readonly Dictionary<int, AbstractNum> _byInstance = [];

    public WordNumbering(MainDocumentPart main)
    {
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is null)
        {
            return;
        }
        var abstracts = new Dictionary<int, AbstractNum>();
        foreach (var definition in numbering.Elements<AbstractNum>())
        {
            if (definition.AbstractNumberId?.Value is int id)
            {
                abstracts.TryAdd(id, definition);
            }
        }
        foreach (var instance in numbering.Elements<NumberingInstance>())
        {
            if (instance.NumberID?.Value is int id && instance.AbstractNumId?.Val?.Value is int abstractId && abstracts.TryGetValue(abstractId, out var definition))
            {
                _byInstance.TryAdd(id, definition);
            }
        }
    }

    /// <summary>The list level and kind of a numbered paragraph; null when its numbering is none (numId 0).</summary>
    public (int Level, bool Ordered)? ListOf(NumberingProperties numbering)
    {
        var id = numbering.NumberingId?.Val?.Value ?? 0;
        if (id == 0)
        {
            return null;
        }
        var level = Math.Clamp(numbering.NumberingLevelReference?.Val?.Value ?? 0, 0, 8);
        var format = _byInstance.TryGetValue(id, out var definition)
            ? definition.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level)?.NumberingFormat?.Val?.Value
            : null;
        return (level, format is not null && format != NumberFormatValues.Bullet && format != NumberFormatValues.None);
    }
}
