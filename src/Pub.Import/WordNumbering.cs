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

    /// <summary>The list depth and kind of a numbered paragraph; null when its numbering is none (numId 0). The
    /// depth is the level's left indentation in twentieths of a point: Word indents each level further, and
    /// pandoc writes a nested list as another list at level 0 that is only indented further, so indentation
    /// says how lists nest where level numbers may not. A level without an indentation counts half an inch
    /// per level.</summary>
    public (int Level, bool Ordered)? ListOf(NumberingProperties numbering)
    {
        var id = numbering.NumberingId?.Val?.Value ?? 0;
        if (id == 0)
        {
            return null;
        }
        var level = Math.Clamp(numbering.NumberingLevelReference?.Val?.Value ?? 0, 0, 8);
        var definition = _byInstance.TryGetValue(id, out var found) ? found.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level) : null;
        var format = definition?.NumberingFormat?.Val?.Value;
        var indentation = definition?.PreviousParagraphProperties?.Indentation?.Left?.Value is { } left && int.TryParse(left, out var twips) ? twips : (level + 1) * 720;
        return (indentation, format is not null && format != NumberFormatValues.Bullet && format != NumberFormatValues.None);
    }
}
