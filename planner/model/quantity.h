// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cw::model {

// Kubernetes resource quantities ("500m", "2", "1800Gi", "1.5Ti", "100M", "1e3") parsed
// exactly into integers. A value that is not a whole number of the target unit is rounded
// up, as Kubernetes does (0.1 byte is 1 byte; 0.5m CPU is 1m).
struct QuantityError {
    std::string reason;
};

// Parses into units of 1/scale: scale 1000 gives milli-units (CPU), scale 1 gives whole
// units (bytes, counts). Returns nullopt and fills error on a malformed, negative or
// overflowing value.
std::optional<int64_t> parseQuantity(std::string_view text, int64_t scale, QuantityError* error = nullptr);

inline std::optional<int64_t> parseCpuMilli(std::string_view text, QuantityError* error = nullptr)
{
    return parseQuantity(text, 1000, error);
}
inline std::optional<int64_t> parseBytes(std::string_view text, QuantityError* error = nullptr)
{
    return parseQuantity(text, 1, error);
}

// Canonical, lossless text: "200", "500m", "1800Gi", "100M", "1536".
std::string formatCpuMilli(int64_t milli);
std::string formatBytes(int64_t bytes);

// Human-readable, rounded text for people: "1.8 TiB", "512 MiB", "3.5 vCPU".
std::string humanBytes(int64_t bytes);
std::string humanCpu(int64_t milli);

constexpr int64_t kKi = 1024;
constexpr int64_t kMi = kKi * 1024;
constexpr int64_t kGi = kMi * 1024;
constexpr int64_t kTi = kGi * 1024;

} // namespace cw::model
