FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY newsframe newsframe
COPY articles articles
RUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu . 
COPY . .
RUN useradd --create-home newsframe && mkdir -p var && chown newsframe var
USER newsframe
EXPOSE 8000
