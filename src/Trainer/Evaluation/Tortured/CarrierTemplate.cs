namespace SpinDetect.Training.Evaluation.Tortured;

/// <summary>
/// A neutral sentence of scientific prose with one slot, <see cref="Slot"/>, for a phrase. Templates avoid
/// articles and number agreement right around the slot ("a", "is/are") so that singular and plural phrases,
/// tortured or not, read equally well and the carrier itself gives the detector no grammatical clue.
/// </summary>
internal sealed class CarrierTemplate
{
    /// <summary>The slot marker.</summary>
    public const string Slot = "{P}";

    /// <summary>Creates a template; <paramref name="text"/> must contain <see cref="Slot"/> exactly once.</summary>
    public CarrierTemplate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf(Slot, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(Slot, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"A carrier template needs exactly one {Slot}: \"{text}\"", nameof(text));
        }

        Text = text;
        SlotIndex = at;
    }

    /// <summary>The template text with its slot.</summary>
    public string Text { get; }

    /// <summary>Character index of the slot in <see cref="Text"/>.</summary>
    public int SlotIndex { get; }

    /// <summary>Whether the phrase starts the sentence (and so is capitalised).</summary>
    public bool SlotStartsSentence => SlotIndex == 0;

    /// <summary>Where the slot is: start, middle, or end (only punctuation after it).</summary>
    public SlotPosition Position =>
        SlotIndex == 0 ? SlotPosition.Start
        : Text.AsSpan(SlotIndex + Slot.Length).ContainsAnyExcept(".!?\"') ") ? SlotPosition.Middle
        : SlotPosition.End;

    /// <summary>Places <paramref name="phrase"/> in the slot, capitalising it at the start of the sentence.</summary>
    public CarrierSentence Render(PhraseWords phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var text = phrase.Text;
        if (SlotStartsSentence && text.Length > 0 && char.IsLower(text[0]))
        {
            text = string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
        }

        var sentence = string.Concat(Text.AsSpan(0, SlotIndex), text, Text.AsSpan(SlotIndex + Slot.Length));
        return new CarrierSentence(sentence, SlotIndex, phrase);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
