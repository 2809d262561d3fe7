// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

namespace cw::widgets {

// Colours the files of an export bundle in the preview: YAML manifests and bash scripts.
class BundleHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Language { Plain, Yaml, Shell, Markdown };

    explicit BundleHighlighter(QTextDocument* document);

    void setLanguage(Language language);
    Language language() const { return m_language; }
    // The language of a bundle file by its name.
    static Language languageFor(const QString& fileName);

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    void apply(const std::vector<Rule>& rules, const QString& text);

    Language m_language = Language::Plain;
    QTextCharFormat m_comment;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_literal;
    QTextCharFormat m_keyword;
    QTextCharFormat m_variable;
    QTextCharFormat m_flag;
    QTextCharFormat m_heading;
    std::vector<Rule> m_yaml;
    std::vector<Rule> m_shell;
    std::vector<Rule> m_markdown;
};

} // namespace cw::widgets
