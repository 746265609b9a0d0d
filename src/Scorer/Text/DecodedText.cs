namespace SpinDetect.Text;

/// <summary>Text decoded from bytes, and whether some bytes were invalid and replaced by U+FFFD.</summary>
/// <param name="Text">The decoded text, without a byte-order mark.</param>
/// <param name="InvalidEncoding">Whether the bytes were not valid in their encoding.</param>
internal readonly record struct DecodedText(string Text, bool InvalidEncoding);
