// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diag/diagnostic.h"
#include "document/objectref.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace cw::document {
class PlanDocument;
}

namespace cw::widgets {

class FormBuilder;

// Edits every field of the selected workload, node pool, cluster or of the plan itself. Each
// change is one undo command (live edits of a number merge into one); input that breaks the
// planner's rules (names, label keys, quantities, limits) is shown in red with the reason and
// changes nothing. The diagnostics about the object are listed at the top.
class Inspector : public QWidget
{
    Q_OBJECT

public:
    explicit Inspector(QWidget* parent = nullptr);
    ~Inspector() override;

    void setDocument(document::PlanDocument* document);
    const document::ObjectRef& object() const { return m_object; }
    // The editor of a field, e.g. "replicas" or "resources.cpu" (for tests and navigation).
    QWidget* editorFor(const QString& path) const;

public Q_SLOTS:
    void setObject(const cw::document::ObjectRef& ref);
    // Puts the keyboard focus on the first editor (Enter on the canvas).
    void focusFirstEditor();
    // Puts the focus on the editor of the field read from a plan-file location, if any.
    void focusLocation(const cw::diag::Location& where);

Q_SIGNALS:
    // The object was renamed here: the selection elsewhere should follow.
    void objectRenamed(const cw::document::ObjectRef& ref);

private:
    void rebuild();
    void refresh();
    void updateDiagnostics();
    void buildWorkload(const std::string& name);
    void buildPool(const std::string& cluster, const std::string& pool);
    void buildCluster(const std::string& cluster);
    void buildPlan();

    QPointer<document::PlanDocument> m_document;
    document::ObjectRef m_object;
    QLabel* m_title;
    QLabel* m_subtitle;
    QLabel* m_diagnostics;
    QScrollArea* m_scroll;
    QWidget* m_form = nullptr;
    FormBuilder* m_builder = nullptr;
};

} // namespace cw::widgets
