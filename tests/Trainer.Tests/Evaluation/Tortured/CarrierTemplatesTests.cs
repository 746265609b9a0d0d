using SpinDetect.Training.Evaluation.Tortured;

namespace SpinDetect.Tests.Evaluation.Tortured;

public sealed class CarrierTemplatesTests
{
    [Fact]
    public void There_are_at_least_twenty_distinct_templates_with_exactly_one_slot()
    {
        var templates = CarrierTemplates.All;
        Assert.True(templates.Count >= 20, $"{templates.Count} templates");
        Assert.Equal(templates.Count, templates.Select(t => t.Text).Distinct().Count());
        foreach (var template in templates)
        {
            var slots = template.Text.Split(CarrierTemplate.Slot).Length - 1;
            Assert.Equal(1, slots);
        }
    }

    [Fact]
    public void The_slot_appears_at_the_start_in_the_middle_and_at_the_end()
    {
        var positions = CarrierTemplates.All.GroupBy(t => t.Position).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(positions[SlotPosition.Start] >= 4);
        Assert.True(positions[SlotPosition.Middle] >= 8);
        Assert.True(positions[SlotPosition.End] >= 4);
    }

    [Theory]
    [InlineData("{P} grew.", "Start")]
    [InlineData("We saw {P} grow.", "Middle")]
    [InlineData("We saw {P}.", "End")]
    [InlineData("We saw \"{P}\")", "End")]
    public void The_slot_position_is_read_from_the_template(string text, string position)
    {
        Assert.Equal(position, new CarrierTemplate(text).Position.ToString());
    }

    [Fact]
    public void A_template_without_exactly_one_slot_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new CarrierTemplate("No slot here."));
        Assert.Throws<ArgumentException>(() => new CarrierTemplate("{P} and {P}."));
    }

    [Fact]
    public void The_phrase_is_capitalised_at_the_start_of_a_sentence_and_located_exactly()
    {
        var phrase = PhraseWords.Of("huge canine");
        var start = new CarrierTemplate("{P} barked twice.").Render(phrase);
        Assert.Equal("Huge canine barked twice.", start.Text);
        Assert.Equal("Huge", start.Text[start.WordStart(0)..start.WordEnd(0)]);

        var middle = new CarrierTemplate("We saw {P} again.").Render(phrase);
        Assert.Equal("We saw huge canine again.", middle.Text);
        Assert.Equal("canine", middle.Text[middle.WordStart(1)..middle.WordEnd(1)]);
    }

    [Fact]
    public void Template_choice_is_deterministic_distinct_and_depends_on_the_seed()
    {
        var count = CarrierTemplates.All.Count;
        var first = TorturedEvaluator.ChooseTemplates("crimson fruit", 7, 3, count);
        Assert.Equal(first, TorturedEvaluator.ChooseTemplates("crimson fruit", 7, 3, count));
        Assert.Equal(3, first.Distinct().Count());
        Assert.All(first, i => Assert.InRange(i, 0, count - 1));

        // Over many seeds the choice must vary (a constant choice would make the templates pointless).
        var choices = Enumerable.Range(0, 50).Select(seed => TorturedEvaluator.ChooseTemplates("crimson fruit", seed, 1, count)[0]);
        Assert.True(choices.Distinct().Count() > 10);
    }
}
