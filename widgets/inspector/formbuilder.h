// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <optional>
#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace cw::widgets {

// Builds the rows of an inspector form: one editor per field, each with a label, an inline
// error line and a refresh function that shows the field's current value. Editors commit
// through callbacks that push undo commands; invalid input shows its reason under the editor
// and commits nothing.
class FormBuilder : public QObject
{
    Q_OBJECT

public:
    // Returns an empty string when the text is valid, else the reason.
    using Validator = std::function<QString(const QString&)>;
    // An editor's choice: the value written to the plan and the text shown.
    struct Choice {
        QString value;
        QString text;
    };

    FormBuilder(QFormLayout* layout, QObject* parent = nullptr);

    // A line of text, committed when editing finishes (Enter or focus out).
    QLineEdit* addText(const QString& label, const QString& path, std::function<QString()> get, Validator validate,
                       std::function<void(const QString&)> commit, const QString& placeholder = {},
                       const QStringList& completions = {});
    // A whole number; live edits of one gesture (arrows, wheel, typing) merge into one undo entry.
    // With unsetText, the value below min means "unset" and is shown as that text.
    void addInt(const QString& label, const QString& path, int min, int max, std::function<std::optional<int>()> get,
                std::function<void(std::optional<int>, int gesture)> commit, const QString& unsetText = {},
                const QString& suffix = {});
    void addBool(const QString& label, const QString& path, std::function<bool()> get, std::function<void(bool)> commit,
                 const QString& help = {});
    // One of a few values.
    void addChoice(const QString& label, const QString& path, std::function<std::vector<Choice>()> choices,
                   std::function<QString()> get, std::function<void(const QString&)> commit);
    void addSection(const QString& title);
    void addNote(const QString& text);

    // The editor of path is enabled only while enabled() says so (checked on refresh).
    void setEnabledWhen(const QString& path, std::function<bool()> enabled);

    // Shows the plan's current values in every editor not being typed in.
    void refresh();
    // The editor of a field path ("replicas", "resources.cpu"), or null.
    QWidget* editorFor(const QString& path) const;
    // Starts a new gesture: the next live edit will not merge with the previous one.
    static int nextGesture();

private:
    struct Row {
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
        std::function<void()> refresh;
    };
    QWidget* wrap(QWidget* editor, QLabel** error);
    void showError(QWidget* editor, QLabel* error, const QString& message);

    QFormLayout* m_layout;
    std::vector<Row> m_rows;
    std::map<QString, QWidget*> m_paths;
    std::vector<std::pair<QWidget*, std::function<bool()>>> m_enabled;
};

} // namespace cw::widgets
