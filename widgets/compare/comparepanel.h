// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QPainter;

namespace cw::document {
class PlanDocument;
}

namespace cw::widgets {

class CompareRunner;
class CompareView;

// The Compare view bound to a plan document: it prices the plan on GKE Standard, GKE
// Autopilot and EKS off the UI thread after every change, and shows the latest result.
class ComparePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ComparePanel(QWidget* parent = nullptr);
    ~ComparePanel() override;

    void setDocument(document::PlanDocument* document);
    CompareView* view() const { return m_view; }
    // A comparison of the current plan is being computed.
    bool isBusy() const;
    // Draws the latest comparison into target (the report's section).
    void paint(QPainter& painter, const QRectF& target) const;

private:
    void recompute();

    QPointer<document::PlanDocument> m_document;
    CompareView* m_view;
    CompareRunner* m_runner = nullptr;
};

} // namespace cw::widgets
