// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparepanel.h"

#include "comparerunner.h"
#include "compareview.h"
#include "document/plandocument.h"

#include <QVBoxLayout>

namespace cw::widgets {

ComparePanel::ComparePanel(QWidget* parent)
    : QWidget(parent)
    , m_view(new CompareView)
{
    setObjectName(QStringLiteral("ComparePanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

ComparePanel::~ComparePanel() = default;

void ComparePanel::setDocument(document::PlanDocument* document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    delete m_runner;
    m_runner = nullptr;
    if (!m_document) {
        m_view->setComparison({});
        m_view->setMessage(tr("No plan"));
        return;
    }
    m_runner = new CompareRunner(m_document->catalog(), this);
    connect(m_runner, &CompareRunner::finished, this, [this] {
        if (m_runner)
            m_view->setComparison(m_runner->result());
    });
    connect(m_document, &document::PlanDocument::planChanged, this, &ComparePanel::recompute);
    recompute();
}

void ComparePanel::recompute()
{
    if (!m_document || !m_runner)
        return;
    if (m_document->diagnostics().hasErrors()) {
        m_view->setMessage(tr("The plan has errors (see Diagnostics); the comparison waits until they are fixed."));
        return;
    }
    m_view->setMessage(tr("Pricing the plan on GKE Standard, GKE Autopilot and EKS…"));
    m_runner->start(m_document->plan());
}

bool ComparePanel::isBusy() const
{
    return m_runner && m_runner->isRunning();
}

void ComparePanel::paint(QPainter& painter, const QRectF& target) const
{
    renderComparison(&painter, target, m_view->comparison());
}

} // namespace cw::widgets
