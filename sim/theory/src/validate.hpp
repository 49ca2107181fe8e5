// SPDX-License-Identifier: MIT
// Argument checks shared by the theory layer; each failure throws ConfigError naming the value and what was expected.
#pragma once

#include "cybersim/core/error.hpp"

#include <Eigen/Core>

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

namespace cybersim::theory::detail
{

/// The shortest text that reads back as `value` ("nan" and "inf" spelled out).
inline std::string number(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

/// Throws ConfigError with `message`.
[[noreturn]] inline void fail(const std::string& message)
{
    throw ConfigError(message);
}

inline void requireFinite(double value, std::string_view name)
{
    if (!std::isfinite(value))
        fail(std::string(name) + " is " + number(value) + ", expected a finite number");
}

inline void requireProbability(double value, std::string_view name)
{
    if (!(value >= 0.0 && value <= 1.0))
        fail(std::string(name) + " is " + number(value) + ", expected a probability in [0, 1]");
}

inline void requireNonNegative(double value, std::string_view name)
{
    if (!(value >= 0.0) || !std::isfinite(value))
        fail(std::string(name) + " is " + number(value) + ", expected a finite number >= 0");
}

inline void requirePositive(double value, std::string_view name)
{
    if (!(value > 0.0) || !std::isfinite(value))
        fail(std::string(name) + " is " + number(value) + ", expected a finite number > 0");
}

inline void requirePopulationSize(int size, std::string_view name)
{
    if (size < 2)
        fail(std::string(name) + " is " + std::to_string(size) + ", expected >= 2");
}

inline void requireIndex(int index, Eigen::Index count, std::string_view name)
{
    if (index < 0 || index >= count)
        fail(std::string(name) + " is " + std::to_string(index) + ", expected an index in [0, " +
             std::to_string(count - 1) + "]");
}

inline void requireFiniteEntries(const Eigen::MatrixXd& matrix, std::string_view name)
{
    for (Eigen::Index i = 0; i < matrix.rows(); ++i)
        for (Eigen::Index j = 0; j < matrix.cols(); ++j)
            if (!std::isfinite(matrix(i, j)))
                fail(std::string(name) + "(" + std::to_string(i) + ", " + std::to_string(j) + ") is " +
                     number(matrix(i, j)) + ", expected a finite number");
}

inline void requireFiniteEntries(const Eigen::VectorXd& vector, std::string_view name)
{
    for (Eigen::Index i = 0; i < vector.size(); ++i)
        if (!std::isfinite(vector(i)))
            fail(std::string(name) + "[" + std::to_string(i) + "] is " + number(vector(i)) +
                 ", expected a finite number");
}

/// A finite square matrix with at least `minSize` rows.
inline void requireSquare(const Eigen::MatrixXd& matrix, std::string_view name, Eigen::Index minSize = 1)
{
    if (matrix.rows() != matrix.cols())
        fail(std::string(name) + " is " + std::to_string(matrix.rows()) + "x" + std::to_string(matrix.cols()) +
             ", expected a square matrix");
    if (matrix.rows() < minSize)
        fail(std::string(name) + " is " + std::to_string(matrix.rows()) + "x" + std::to_string(matrix.cols()) +
             ", expected at least " + std::to_string(minSize) + "x" + std::to_string(minSize));
    requireFiniteEntries(matrix, name);
}

inline void requireSize(Eigen::Index size, Eigen::Index expected, std::string_view name)
{
    if (size != expected)
        fail(std::string(name) + " has " + std::to_string(size) + " entries, expected " + std::to_string(expected));
}

} // namespace cybersim::theory::detail
