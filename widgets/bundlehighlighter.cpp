// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundlehighlighter.h"

#include <QFileInfo>

namespace cw::widgets {

namespace {
QTextCharFormat textFormat(const QColor& colour, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}
} // namespace

BundleHighlighter::BundleHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
    m_comment = textFormat(QColor(0x6a, 0x73, 0x7d), false, true);
    m_key = textFormat(QColor(0x00, 0x5c, 0xc5));
    m_string = textFormat(QColor(0x03, 0x7f, 0x35));
    m_literal = textFormat(QColor(0x8a, 0x3f, 0xc7));
    m_keyword = textFormat(QColor(0xb3, 0x1d, 0x28), true);
    m_variable = textFormat(QColor(0xa0, 0x50, 0x00));
    m_flag = textFormat(QColor(0x00, 0x5c, 0xc5));
    m_heading = textFormat(QColor(0x24, 0x29, 0x2e), true);

    // Later rules win where they overlap: strings and comments come last.
    m_yaml = {
        {QRegularExpression(QStringLiteral("^\\s*(?:-\\s+)?([^\\s#'\"][^:#]*|\"[^\"]*\"|'[^']*'):(?=\\s|$)")), m_key, 1},
        {QRegularExpression(QStringLiteral("^\\s*(-)\\s")), m_keyword, 1},
        {QRegularExpression(QStringLiteral(":\\s+(true|false|null|~|-?[0-9][0-9.]*)\\s*$")), m_literal, 1},
        {QRegularExpression(QStringLiteral("^(---|\\.\\.\\.)\\s*$")), m_keyword, 1},
        {QRegularExpression(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'")), m_string, 0},
        {QRegularExpression(QStringLiteral("(?:^|\\s)(#.*)$")), m_comment, 1},
    };
    m_shell = {
        {QRegularExpression(QStringLiteral("\\b(if|then|else|elif|fi|for|in|do|done|case|esac|function|set|export|cd|echo|exit)\\b")), m_keyword, 1},
        {QRegularExpression(QStringLiteral("(?:^|\\s)(--?[A-Za-z0-9][A-Za-z0-9-]*)")), m_flag, 1},
        {QRegularExpression(QStringLiteral("^\\s*(step_[a-z_]+|usage)\\(\\)")), m_key, 1},
        {QRegularExpression(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'")), m_string, 0},
        {QRegularExpression(QStringLiteral("\\$\\{[A-Za-z_][A-Za-z0-9_:?-]*\\}|\\$[A-Za-z_@#?$][A-Za-z0-9_]*")), m_variable, 0},
        {QRegularExpression(QStringLiteral("^\\s*(#.*)$")), m_comment, 1},
    };
    m_markdown = {
        {QRegularExpression(QStringLiteral("^#{1,6}\\s.*$")), m_heading, 0},
        {QRegularExpression(QStringLiteral("`[^`]*`")), m_string, 0},
        {QRegularExpression(QStringLiteral("\\*\\*[^*]+\\*\\*")), textFormat(QColor(0x24, 0x29, 0x2e), true), 0},
    };
}

void BundleHighlighter::setLanguage(Language language)
{
    if (m_language == language)
        return;
    m_language = language;
    rehighlight();
}

BundleHighlighter::Language BundleHighlighter::languageFor(const QString& fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
        return Language::Yaml;
    if (suffix == QLatin1String("sh"))
        return Language::Shell;
    if (suffix == QLatin1String("md"))
        return Language::Markdown;
    return Language::Plain;
}

void BundleHighlighter::highlightBlock(const QString& text)
{
    switch (m_language) {
    case Language::Yaml:
        apply(m_yaml, text);
        break;
    case Language::Shell:
        apply(m_shell, text);
        break;
    case Language::Markdown:
        apply(m_markdown, text);
        break;
    case Language::Plain:
        break;
    }
}

void BundleHighlighter::apply(const std::vector<Rule>& rules, const QString& text)
{
    for (const Rule& rule : rules) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            if (m.capturedStart(rule.group) >= 0)
                setFormat(int(m.capturedStart(rule.group)), int(m.capturedLength(rule.group)), rule.format);
        }
    }
}

} // namespace cw::widgets
