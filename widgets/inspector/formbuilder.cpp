// SPDX-License-Identifier: GPL-3.0-or-later
#include "formbuilder.h"

#include "style/canvastheme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cw::widgets {

namespace {

// A spin box that starts a new undo gesture when it gets focus or editing finishes.
class GestureSpinBox : public QSpinBox
{
public:
    using QSpinBox::QSpinBox;
    int gesture = FormBuilder::nextGesture();

protected:
    void focusInEvent(QFocusEvent* e) override
    {
        gesture = FormBuilder::nextGesture();
        QSpinBox::focusInEvent(e);
    }
    void focusOutEvent(QFocusEvent* e) override
    {
        gesture = FormBuilder::nextGesture();
        QSpinBox::focusOutEvent(e);
    }
};

} // namespace

FormBuilder::FormBuilder(QFormLayout* layout, QObject* parent)
    : QObject(parent)
    , m_layout(layout)
{
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_layout->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

int FormBuilder::nextGesture()
{
    static int gesture = 1000;
    return ++gesture;
}

QWidget* FormBuilder::wrap(QWidget* editor, QLabel** error)
{
    auto* box = new QWidget;
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(editor);
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setVisible(false);
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, CanvasTheme::fromPalette(QApplication::palette()).refuses);
    label->setPalette(pal);
    v->addWidget(label);
    *error = label;
    return box;
}

void FormBuilder::showError(QWidget* editor, QLabel* error, const QString& message)
{
    error->setText(message);
    error->setVisible(!message.isEmpty());
    editor->setProperty("invalid", !message.isEmpty());
    const QString red = CanvasTheme::fromPalette(QApplication::palette()).refuses.name();
    editor->setStyleSheet(message.isEmpty() ? QString()
                                            : QStringLiteral("%1 { border: 1px solid %2; border-radius: 2px; }")
                                                  .arg(QString::fromLatin1(editor->metaObject()->className()), red));
    editor->setToolTip(message);
    if (!message.isEmpty())
        editor->setAccessibleDescription(message);
}

QLineEdit* FormBuilder::addText(const QString& label, const QString& path, std::function<QString()> get, Validator validate,
                                std::function<void(const QString&)> commit, const QString& placeholder,
                                const QStringList& completions)
{
    auto* edit = new QLineEdit;
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(label);
    edit->setClearButtonEnabled(false);
    if (!completions.isEmpty()) {
        auto* completer = new QCompleter(completions, edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        edit->setCompleter(completer);
    }
    QLabel* error = nullptr;
    m_layout->addRow(label, wrap(edit, &error));
    Row row{edit, error, {}};
    row.refresh = [this, edit, error, get] {
        if (edit->hasFocus() && edit->isModified())
            return;
        const QSignalBlocker blocker(edit);
        edit->setText(get());
        edit->setModified(false);
        showError(edit, error, {});
    };
    connect(edit, &QLineEdit::textEdited, this, [this, edit, error, validate](const QString& text) {
        showError(edit, error, validate ? validate(text) : QString());
    });
    connect(edit, &QLineEdit::editingFinished, this, [this, edit, error, validate, commit, get] {
        if (!edit->isModified())
            return;
        const QString problem = validate ? validate(edit->text()) : QString();
        showError(edit, error, problem);
        if (!problem.isEmpty())
            return;
        edit->setModified(false);
        if (edit->text() != get())
            commit(edit->text());
    });
    m_rows.push_back(row);
    m_paths[path] = edit;
    row.refresh();
    return edit;
}

void FormBuilder::addInt(const QString& label, const QString& path, int min, int max, std::function<std::optional<int>()> get,
                         std::function<void(std::optional<int>, int)> commit, const QString& unsetText, const QString& suffix)
{
    auto* spin = new GestureSpinBox;
    const bool optional = !unsetText.isEmpty();
    spin->setRange(optional ? min - 1 : min, max);
    if (optional)
        spin->setSpecialValueText(unsetText);
    spin->setSuffix(suffix);
    spin->setAccessibleName(label);
    spin->setKeyboardTracking(true);
    spin->setGroupSeparatorShown(true);
    QLabel* error = nullptr;
    m_layout->addRow(label, wrap(spin, &error));
    Row row{spin, error, {}};
    row.refresh = [spin, get, min, optional] {
        const QSignalBlocker blocker(spin);
        const std::optional<int> v = get();
        const int target = v ? *v : (optional ? min - 1 : min);
        if (spin->value() != target)
            spin->setValue(target);
    };
    connect(spin, &QSpinBox::valueChanged, this, [spin, commit, min, optional](int v) {
        commit(optional && v < min ? std::nullopt : std::optional<int>(v), spin->gesture);
    });
    connect(spin, &QSpinBox::editingFinished, this, [spin] { spin->gesture = nextGesture(); });
    m_rows.push_back(row);
    m_paths[path] = spin;
    row.refresh();
}

void FormBuilder::addBool(const QString& label, const QString& path, std::function<bool()> get,
                          std::function<void(bool)> commit, const QString& help)
{
    // The help wraps beside the box instead of widening the form.
    auto* row = new QWidget;
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto* box = new QCheckBox;
    box->setAccessibleName(label);
    box->setAccessibleDescription(help);
    h->addWidget(box, 0, Qt::AlignTop);
    if (!help.isEmpty()) {
        auto* text = new QLabel(help);
        text->setWordWrap(true);
        text->setBuddy(box);
        QPalette pal = text->palette();
        pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
        text->setPalette(pal);
        h->addWidget(text, 1);
    } else {
        h->addStretch(1);
    }
    QLabel* error = nullptr;
    m_layout->addRow(label, wrap(row, &error));
    Row r{box, error, {}};
    r.refresh = [box, get] {
        const QSignalBlocker blocker(box);
        box->setChecked(get());
    };
    connect(box, &QCheckBox::toggled, this, [commit](bool on) { commit(on); });
    m_rows.push_back(r);
    m_paths[path] = box;
    r.refresh();
}

void FormBuilder::addChoice(const QString& label, const QString& path, std::function<std::vector<Choice>()> choices,
                            std::function<QString()> get, std::function<void(const QString&)> commit)
{
    auto* combo = new QComboBox;
    combo->setAccessibleName(label);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
    QLabel* error = nullptr;
    m_layout->addRow(label, wrap(combo, &error));
    Row row{combo, error, {}};
    row.refresh = [combo, choices, get] {
        const QSignalBlocker blocker(combo);
        combo->clear();
        const QString current = get();
        bool found = false;
        for (const Choice& c : choices()) {
            combo->addItem(c.text, c.value);
            found = found || c.value == current;
        }
        if (!found)
            combo->addItem(current, current); // a value the plan has but the list does not offer
        combo->setCurrentIndex(combo->findData(current));
    };
    connect(combo, &QComboBox::activated, this, [combo, commit, get](int index) {
        const QString value = combo->itemData(index).toString();
        if (value != get())
            commit(value);
    });
    m_rows.push_back(row);
    m_paths[path] = combo;
    row.refresh();
}

void FormBuilder::addSection(const QString& title)
{
    auto* label = new QLabel(title);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    label->setContentsMargins(0, m_layout->rowCount() > 0 ? 10 : 0, 0, 2);
    m_layout->addRow(label);
}

void FormBuilder::addNote(const QString& text)
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    label->setPalette(pal);
    m_layout->addRow(label);
}

void FormBuilder::setEnabledWhen(const QString& path, std::function<bool()> enabled)
{
    if (QWidget* w = editorFor(path)) {
        m_enabled.emplace_back(w, enabled);
        w->setEnabled(enabled());
    }
}

void FormBuilder::refresh()
{
    for (const Row& r : m_rows)
        r.refresh();
    for (const auto& [widget, enabled] : m_enabled)
        widget->setEnabled(enabled());
}

QWidget* FormBuilder::editorFor(const QString& path) const
{
    const auto it = m_paths.find(path);
    return it == m_paths.end() ? nullptr : it->second;
}

} // namespace cw::widgets
