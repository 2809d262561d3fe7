// SPDX-License-Identifier: GPL-3.0-or-later
#include "infobar.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace cw::gui {

InfoBar::InfoBar(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel)
    , m_buttons(new QHBoxLayout)
{
    setObjectName(QStringLiteral("InfoBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 4, 4);
    auto* icon = new QLabel;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16));
    layout->addWidget(icon);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_label, 1);
    layout->addLayout(m_buttons);
    auto* close = new QToolButton;
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Close"));
    close->setAccessibleName(tr("Close"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    layout->addWidget(close);
    setAccessibleName(tr("Notification"));
    updateColors();
    hide();
}

void InfoBar::showMessage(const QString& text, const QList<QPair<QString, std::function<void()>>>& buttons)
{
    m_label->setText(text);
    while (QLayoutItem* item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const auto& [label, action] : buttons) {
        auto* b = new QPushButton(label);
        connect(b, &QPushButton::clicked, this, [this, action] {
            hide();
            action();
        });
        m_buttons->addWidget(b);
    }
    setAccessibleDescription(text);
    show();
}

QString InfoBar::text() const
{
    return m_label->text();
}

void InfoBar::changeEvent(QEvent* event)
{
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) && !m_updating)
        updateColors();
    QFrame::changeEvent(event);
}

void InfoBar::updateColors()
{
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    QPalette p = QApplication::palette();
    p.setColor(QPalette::Window, dark ? QColor(0x3a, 0x35, 0x1f) : QColor(0xff, 0xf4, 0xce));
    p.setColor(QPalette::WindowText, dark ? QColor(0xf2, 0xe8, 0xc4) : QColor(0x3b, 0x32, 0x0c));
    m_updating = true;
    setPalette(p);
    m_updating = false;
}

} // namespace cw::gui
