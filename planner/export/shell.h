// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace cw::exporter {

// Quotes a value for bash so that it is passed as exactly one word with exactly these
// bytes: words made only of [A-Za-z0-9_@%+=:,./-] stay bare, everything else is put in
// single quotes, where bash interprets no character at all, and every single quote is
// written as '\''. Nothing inside can end the quoting. (A NUL byte cannot be passed in an
// argument at all; the export refuses values that contain one before quoting.)
std::string shellQuote(const std::string& value);

// One word of a command line: literal text from the plan (always quoted) and, only from
// the exporter's own code, references to the script's variables.
class ShellWord
{
public:
    ShellWord() = default;
    ShellWord(const char* literal) { lit(literal); }
    ShellWord(const std::string& literal) { lit(literal); }

    ShellWord& lit(const std::string& text);
    // "${NAME}" in double quotes; name is one of the script's own variables.
    ShellWord& var(const char* name);
    std::string render() const;

private:
    struct Part {
        bool variable = false;
        std::string text;
    };
    std::vector<Part> m_parts;
};

// A command: argv words rendered one per continuation line after the first few.
struct ShellCommand {
    std::vector<ShellWord> words;
    // Words that stay on the first line (the program and its sub-commands).
    size_t head = 1;

    ShellCommand& add(ShellWord w)
    {
        words.push_back(std::move(w));
        return *this;
    }
    std::string render(const std::string& indent) const;
};

} // namespace cw::exporter
